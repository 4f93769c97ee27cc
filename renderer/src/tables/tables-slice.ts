/**
 * Spreadsheets in the app: export the folder or the selection as a table file to download, and
 * import a table back — the backend previews every change, error and warning against the disk,
 * and the changes are applied as one undo step (saved later through the normal review).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow, ImportPreview, TableExportFormat, TableFile } from '../../../shared/api';
import { type AppState, isEditable } from '../store';
import { plural } from '../lib/format';

/** A table file read for import, and what importing it would do. */
export interface TableImport {
  fileName: string;
  /** Null while the backend reads the file. */
  preview: ImportPreview | null;
}

/** Which images an export holds. */
export type ExportScope = 'folder' | 'selection';

/** Spreadsheet state and actions. */
export interface TablesSlice {
  exportPrompt: boolean;
  openExportPrompt(): void;
  closeExportPrompt(): void;
  /**
   * The folder's or the selected images' table file as saved on disk (with `acquisition`, the
   * acquisition columns too, read from the image files); null (and a notice) on failure.
   */
  exportTable(format: TableExportFormat, scope: ExportScope, acquisition?: boolean): Promise<TableFile | null>;
  /** The import being previewed. */
  tableImport: TableImport | null;
  /** Asks the backend what importing the file would change, and shows it. */
  previewTableImport(fileName: string, base64: string): Promise<void>;
  /** Applies a clean preview's changes as one undo step; returns how many fields changed. */
  applyImport(): number;
  closeImport(): void;
}

function isEditableRow(row: ImageRow | undefined): boolean {
  return row !== undefined && isEditable(row);
}

/** Creates the tables slice. */
export const createTablesSlice: StateCreator<AppState, [], [], TablesSlice> = (set, get) => ({
  exportPrompt: false,
  tableImport: null,

  openExportPrompt: () => set({ exportPrompt: true }),
  closeExportPrompt: () => set({ exportPrompt: false }),

  exportTable: async (format, scope, acquisition = false) => {
    const { rowOrder, selected } = get();
    const paths = scope === 'selection' ? rowOrder.filter((path) => selected.has(path)) : undefined;
    const result = await get().client.exportTable({
      format,
      ...(paths === undefined ? {} : { paths }),
      ...(acquisition ? { acquisition } : {}),
    });
    if (!result.ok) {
      get().notify('error', `The table could not be exported: ${result.error.message}`);
      return null;
    }
    const { skipped } = result.payload;
    if (skipped.length > 0) {
      const names = skipped
        .slice(0, 3)
        .map((s) => s.path)
        .join(', ');
      get().notify(
        'error',
        `Left out ${plural(skipped.length, 'image')} whose sidecar is invalid: ${names}${skipped.length > 3 ? ', …' : ''}.`,
      );
    }
    set({ exportPrompt: false });
    return result.payload;
  },

  previewTableImport: async (fileName, base64) => {
    set({ tableImport: { fileName, preview: null } });
    const result = await get().client.previewImport({ fileName, base64 });
    if (get().tableImport?.fileName !== fileName) return;
    if (result.ok) {
      set({ tableImport: { fileName, preview: result.payload } });
    } else {
      set({ tableImport: null });
      get().notify('error', `${fileName} could not be read: ${result.error.message}`);
    }
  },

  applyImport: () => {
    const imported = get().tableImport;
    const preview = imported?.preview;
    if (!imported || !preview || preview.errors.length > 0) return 0;
    const inputs = preview.changes.map((c) => ({ path: c.path, name: c.field, value: c.after }));
    const changed = get().applyFieldInputs(`Import ${imported.fileName}`, inputs);
    set({ tableImport: null });
    const { rows } = get();
    const missed = new Set(preview.changes.filter((c) => !isEditableRow(rows[c.path])).map((c) => c.path)).size;
    const images = new Set(preview.changes.map((c) => c.path)).size - missed;
    if (missed > 0)
      get().notify(
        'error',
        `${plural(missed, 'image')} of the table ${missed === 1 ? 'is' : 'are'} not in the list yet: ${missed === 1 ? 'its' : 'their'} changes were left out.`,
      );
    get().notify(
      'success',
      changed === 0
        ? `Nothing to change from ${imported.fileName}.`
        : `Imported ${plural(changed, 'change')} on ${plural(images, 'image')}: review and save them.`,
    );
    return changed;
  },

  closeImport: () => set({ tableImport: null }),
});
