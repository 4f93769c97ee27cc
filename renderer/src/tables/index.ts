/**
 * Spreadsheet export and import of the table's fields.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `ExportDialog` of `export-dialog.tsx`, fetched when it is first drawn. */
export const ExportDialog = lazyComponent(() => import('./export-dialog').then((m) => m.ExportDialog));
/** The `ImportDialog` of `import-dialog.tsx`, fetched when it is first drawn. */
export const ImportDialog = lazyComponent(() => import('./import-dialog').then((m) => m.ImportDialog));
export { createTablesSlice, type TablesSlice } from './tables-slice';
