/** The text each column shows for a row: one implementation, `shared/columns`', which the filter searches too. */
export { columnText } from '../../../shared/columns';
