/**
 * The fill-from-names dialog's state: whether it is open, the patterns used lately (kept with
 * the view preferences), and applying a pattern to the selection as one undo step. The pattern
 * engine (RE2) is loaded on first use, so the app starts without it.
 */
import type { StateCreator } from 'zustand/vanilla';
import { type AppState, selectEditablePaths } from '../store';
import { plural } from '../lib/format';
import { selectDateFieldsByPath } from '../profile';

/** How many recent patterns are kept. */
export const MAX_RECENT_PATTERNS = 8;

/** Fill from names: state and actions. */
export interface NamesSlice {
  namePrompt: boolean;
  /** Patterns applied lately, newest first. */
  recentPatterns: readonly string[];
  /** Opens the dialog when images that can be edited are selected. */
  openNamePrompt(): void;
  closeNamePrompt(): void;
  /**
   * Fills the fields the pattern takes from each editable selected image's file name (matched
   * names, valid values only) as one undo step, and remembers the pattern; returns how many
   * fields changed.
   */
  fillFromNames(pattern: string): Promise<number>;
}

/** Creates the names slice. */
export const createNamesSlice: StateCreator<AppState, [], [], NamesSlice> = (set, get) => ({
  namePrompt: false,
  recentPatterns: [],

  openNamePrompt: () => {
    if (selectEditablePaths(get()).length === 0)
      return get().notify('error', 'Select the images to fill from their file names.');
    set({ namePrompt: true });
  },

  closeNamePrompt: () => set({ namePrompt: false }),

  fillFromNames: async (pattern) => {
    const { nameFillInputs, previewNameFill } = await import('./name-fill');
    const preview = previewNameFill(pattern, selectEditablePaths(get()), selectDateFieldsByPath(get()));
    if (!preview.ok) return 0;
    const changed = get().applyFieldInputs('Fill from names', nameFillInputs(preview));
    set((s) => ({
      namePrompt: false,
      recentPatterns: [pattern, ...s.recentPatterns.filter((p) => p !== pattern)].slice(0, MAX_RECENT_PATTERNS),
    }));
    const images = plural(preview.matched, 'image');
    get().notify(
      'success',
      changed === 0
        ? `Nothing to change: the ${images} already hold these values.`
        : `Filled ${plural(changed, 'field')} on ${images} from their names.`,
    );
    return changed;
  },
});
