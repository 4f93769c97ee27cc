/**
 * The "unsaved changes" decision before the window closes, kept free of Electron.
 *
 * The glue supplies the renderer queries and the native message box; this decides.
 */

/** The user's answer in the Save / Don't Save / Cancel box. */
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** What the decision needs from the window and the user. */
export interface CloseGuardDeps {
  /** Asks the renderer; a renderer that cannot answer counts as "nothing unsaved". */
  hasUnsavedChanges(): Promise<boolean>;
  /** Shows the Save / Don't Save / Cancel box. */
  ask(): Promise<CloseChoice>;
  /** Saves every edited file; true when all saves succeeded. */
  saveAll(): Promise<boolean>;
}

/** Resolves true when the window may close (or the folder may change) now. */
export async function confirmDiscardOrSave(deps: CloseGuardDeps): Promise<boolean> {
  if (!(await deps.hasUnsavedChanges())) return true;
  const choice = await deps.ask();
  if (choice === 'discard') return true;
  if (choice === 'cancel') return false;
  return deps.saveAll();
}
