/** Table columns of summary values: one implementation, `shared/columns`', which the filter reads too. */
export { isResultColumnKey, resultCellText, resultColumnKey } from '../../../shared/columns';
