/**
 * The keyboard shortcuts, as data: the shortcuts dialog lists them in this order, grouped by
 * where they work. Adding a shortcut to the list is one line here.
 */

/** Where a shortcut works. */
export type ShortcutPlace = 'Anywhere' | 'Table' | 'Column headers' | 'Fields';

/** One line of the list. */
export interface Shortcut {
  place: ShortcutPlace;
  /** Key combinations doing the same, e.g. `['Mod+S']`; `Mod` is Ctrl, or ⌘ on macOS. */
  keys: readonly string[];
  action: string;
}

/** The groups, in the order the dialog shows them. */
export const SHORTCUT_PLACES: readonly ShortcutPlace[] = ['Anywhere', 'Table', 'Column headers', 'Fields'];

/** Every shortcut. */
export const SHORTCUTS: readonly Shortcut[] = [
  { place: 'Anywhere', keys: ['Mod+O'], action: 'Open a folder' },
  { place: 'Anywhere', keys: ['Mod+S'], action: 'Save all changes' },
  { place: 'Anywhere', keys: ['Mod+F'], action: 'Filter the images' },
  { place: 'Anywhere', keys: ['Mod+Z'], action: 'Undo (in a text field: its own typing)' },
  { place: 'Anywhere', keys: ['Shift+Mod+Z', 'Mod+Y'], action: 'Redo' },
  { place: 'Anywhere', keys: ['Shift+Mod+C'], action: 'Copy the selected image’s metadata' },
  { place: 'Anywhere', keys: ['Shift+Mod+V'], action: 'Paste metadata into the selected images' },
  { place: 'Anywhere', keys: ['F6'], action: 'Go to the table; from the table, to the editor' },
  { place: 'Anywhere', keys: ['?', 'Mod+/'], action: 'Show these shortcuts (? outside text fields)' },
  { place: 'Table', keys: ['↓', '↑'], action: 'Next or previous image; the editor follows' },
  { place: 'Table', keys: ['Shift+↓', 'Shift+↑'], action: 'Extend the selection' },
  {
    place: 'Table',
    keys: ['PageDown', 'PageUp', 'Home', 'End'],
    action: 'Move by a page, to the first or to the last image',
  },
  { place: 'Table', keys: ['Mod+A'], action: 'Select all shown images' },
  { place: 'Table', keys: ['Mod+Space'], action: 'Add the image to the selection, or remove it' },
  { place: 'Table', keys: ['Enter'], action: 'Edit: go to the first field' },
  { place: 'Table', keys: ['↑'], action: 'From the first image: go to the column headers' },
  { place: 'Column headers', keys: ['←', '→'], action: 'Previous or next column' },
  { place: 'Column headers', keys: ['Enter', 'Space'], action: 'Sort by the column; again to reverse' },
  { place: 'Column headers', keys: ['Shift+←', 'Shift+→'], action: 'Make the column narrower or wider' },
  { place: 'Column headers', keys: ['Shift+Enter'], action: 'Fit the column to its content' },
  { place: 'Column headers', keys: ['↓', 'Escape'], action: 'Back to the images' },
  { place: 'Fields', keys: ['Escape'], action: 'Revert the field; again: back to the table' },
  { place: 'Fields', keys: ['Alt+↓'], action: 'Next image, same field' },
  { place: 'Fields', keys: ['Alt+↑'], action: 'Previous image, same field' },
  { place: 'Fields', keys: ['Tab', 'Shift+Tab'], action: 'Next or previous field' },
];

/** The keys of a combination as shown on this platform: `Mod+S` → `['Ctrl', 'S']` or `['⌘', 'S']`. */
export function keyCaps(combination: string, mac: boolean): string[] {
  return combination
    .split(/\+(?!$)/)
    .map((key) => (key === 'Mod' ? (mac ? '⌘' : 'Ctrl') : key === 'Alt' && mac ? '⌥' : key));
}
