/**
 * Copying one image's metadata and pasting chosen fields into the selection, as one undo step.
 * The copy is the app's own (values as the editor shows them, pending valid edits included).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FieldValues } from '../../../shared/fields/field-table';
import { baseName } from '../../../shared/columns';
import { type AppState, effectiveValues, selectEditablePaths } from '../store';
import { plural } from '../lib/format';

/** What was copied, and from which image. */
export interface CopiedMetadata {
  source: string;
  values: FieldValues;
}

/** The clipboard and its actions. */
export interface ClipboardSlice {
  copied: CopiedMetadata | null;
  /** Whether the paste dialog (choose the fields) is open. */
  pastePrompt: boolean;
  /** Copies the metadata of the one selected image; false when not exactly one image is selected. */
  copyMetadata(): boolean;
  /** Opens the paste dialog when something was copied and the selection can be edited. */
  requestPaste(): void;
  /** Pastes the chosen fields into the editable selected images; returns how many fields changed. */
  pasteMetadata(names: readonly string[]): number;
  closePastePrompt(): void;
}

/** Creates the clipboard slice. */
export const createClipboardSlice: StateCreator<AppState, [], [], ClipboardSlice> = (set, get) => ({
  copied: null,
  pastePrompt: false,

  copyMetadata: () => {
    const { selected, rows, edits } = get();
    const [source] = selected;
    const row = source === undefined ? undefined : rows[source];
    if (selected.size !== 1 || !row || row.sidecar === 'invalid') {
      get().notify('error', 'Select one image to copy its metadata.', { resolved: (s) => s.selected.size === 1 });
      return false;
    }
    set({ copied: { source: row.path, values: effectiveValues(row, edits[row.path]) } });
    get().notify('success', `Copied the metadata of ${baseName(row.path)}.`);
    return true;
  },

  requestPaste: () => {
    if (!get().copied)
      return get().notify('error', 'Copy the metadata of an image first (Ctrl+Shift+C).', {
        resolved: (s) => s.copied !== null,
      });
    if (selectEditablePaths(get()).length === 0) {
      return get().notify('error', 'Select the images to paste into.', {
        resolved: (s) => selectEditablePaths(s).length > 0,
      });
    }
    set({ pastePrompt: true });
  },

  pasteMetadata: (names) => {
    const { copied } = get();
    set({ pastePrompt: false });
    if (!copied) return 0;
    const paths = selectEditablePaths(get());
    const inputs = paths.flatMap((path) =>
      names.filter((name) => name in copied.values).map((name) => ({ path, name, value: copied.values[name] ?? null })),
    );
    const changed = get().applyFieldInputs(`Paste from ${baseName(copied.source)}`, inputs);
    get().notify(
      'success',
      changed === 0
        ? 'Nothing to paste: the images already hold these values.'
        : `Pasted ${plural(names.length, 'field')} into ${plural(paths.length, 'image')}.`,
    );
    return changed;
  },

  closePastePrompt: () => set({ pastePrompt: false }),
});
