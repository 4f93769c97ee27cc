/**
 * What the Electron main process and the window say to each other beside the API methods: menu
 * commands, questions before unsaved edits would be lost, and the menu's Undo/Redo texts.
 */

/** Commands the native menu sends to the UI. */
export type MenuCommand =
  | 'open-folder'
  | 'save'
  | 'revert-field'
  | 'toggle-theme'
  | 'find'
  | 'undo'
  | 'redo'
  | 'copy-metadata'
  | 'paste-metadata'
  | 'show-shortcuts';

/**
 * What the Electron main process asks the window before its unsaved edits would be lost
 * (closing, or opening another folder from the menu): whether there are any, or to save them
 * all. The window answers each through {@link ApiClient.answerWindow}.
 */
export type WindowQuestion = 'has-unsaved-changes' | 'save-all';

/**
 * The window's answer to the question numbered `id`: whether anything typed is not saved yet
 * (invalid values count), or whether saving left nothing unsaved.
 */
export interface WindowAnswer {
  id: number;
  value: boolean;
}

/** What the native menu shows for the UI's own state, e.g. `Undo Genotype on 40 images`. */
export interface MenuState {
  /** The Undo item's text; null when there is nothing to undo. */
  undo: string | null;
  /** The Redo item's text; null when there is nothing to redo. */
  redo: string | null;
}
