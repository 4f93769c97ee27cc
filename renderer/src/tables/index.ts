/**
 * Spreadsheet export and import of the table's fields.
 */
export { ExportDialog } from './export-dialog';
export { ImportDialog } from './import-dialog';
export { createTablesSlice, type TablesSlice } from './tables-slice';
