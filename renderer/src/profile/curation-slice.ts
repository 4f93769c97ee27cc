/**
 * Curation in the app: the Completeness view (per field: filled, invalid, empty; one click
 * filters the table to the images that lack or break a field), normalizing a field's values
 * across the folder as one reviewed undo step, and the dataset readme to download.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { TableFile } from '../../../shared/api';
import { editableField } from '../../../shared/fields/field-table';
import { type AppState, type FieldInput, isEditable } from '../store';
import { effectiveReplacements, type Replacement } from './normalize-plan';
import type { CompletenessScope } from './profile-selectors';
import { plural } from '../lib/format';
import type { DatasetDraft } from '../../../shared/sheets/dataset-drafts';

/** Curation state and actions. */
export interface CurationSlice {
  completenessOpen: boolean;
  completenessScope: CompletenessScope;
  openCompleteness(): void;
  closeCompleteness(): void;
  setCompletenessScope(scope: CompletenessScope): void;
  /** The table shows only the images that lack or break this field (null: no such filter). */
  fieldGap: string | null;
  /** Filters the table to the images that lack or break field `name`, and closes the Completeness view. */
  showFieldGap(name: string): void;
  clearFieldGap(): void;
  /** Filters the table to the images that are not ready (the "Not ready" quick filter), and closes the Completeness view. */
  showNotReady(): void;
  /** The field whose values the Normalize view shows; null when it is closed. */
  normalizeField: string | null;
  openNormalize(name: string): void;
  closeNormalize(): void;
  /**
   * Gives every editable image whose value of field `name` is a replacement's `from` its `to`,
   * as one undo step (`Normalize Species`); returns how many images changed.
   */
  applyNormalize(name: string, replacements: readonly Replacement[]): number;
  /** A draft (the dataset readme unless said otherwise) of the folder or the selected images as saved on disk; null (and a notice) on failure. */
  exportReadme(scope: CompletenessScope, draft?: DatasetDraft): Promise<TableFile | null>;
}

/** Creates the curation slice. */
export const createCurationSlice: StateCreator<AppState, [], [], CurationSlice> = (set, get) => ({
  completenessOpen: false,
  completenessScope: 'folder',
  fieldGap: null,
  normalizeField: null,

  openCompleteness: () =>
    set((s) => ({ completenessOpen: true, completenessScope: s.selected.size > 1 ? s.completenessScope : 'folder' })),
  closeCompleteness: () => set({ completenessOpen: false }),
  setCompletenessScope: (completenessScope) => set({ completenessScope }),

  showFieldGap: (name) => set({ fieldGap: name, completenessOpen: false }),
  clearFieldGap: () => set({ fieldGap: null }),
  showNotReady: () => set({ quickFilter: 'not-ready', fieldGap: null, completenessOpen: false }),

  openNormalize: (name) => set({ normalizeField: name }),
  closeNormalize: () => set({ normalizeField: null }),

  applyNormalize: (name, replacements) => {
    const byValue = new Map(effectiveReplacements(replacements).map((r) => [r.from, r.to]));
    const { rows, rowOrder, edits } = get();
    const inputs: FieldInput[] = [];
    for (const path of rowOrder) {
      const row = rows[path];
      if (row === undefined || !isEditable(row)) continue;
      const edit = edits[path]?.[name];
      const value = edit !== undefined && edit.error === null ? edit.value : row.values[name];
      const to = typeof value === 'string' ? byValue.get(value) : undefined;
      if (to !== undefined) inputs.push({ path, name, value: to });
    }
    const changed = get().applyFieldInputs(`Normalize ${editableField(name)?.displayName ?? name}`, inputs);
    set({ normalizeField: null });
    if (changed > 0)
      get().notify(
        'success',
        `Normalized ${plural(byValue.size, 'value')} on ${plural(changed, 'image')}: review and save them.`,
      );
    return changed;
  },

  exportReadme: async (scope, draft = 'readme') => {
    const { rowOrder, selected } = get();
    const paths = scope === 'selection' ? rowOrder.filter((path) => selected.has(path)) : undefined;
    const result = await get().client.exportReadme(paths === undefined ? { draft } : { draft, paths });
    if (!result.ok) {
      get().notify(
        'error',
        `The ${draft === 'readme' ? 'readme' : 'Methods draft'} could not be made: ${result.error.message}`,
      );
      return null;
    }
    return result.payload;
  },
});
