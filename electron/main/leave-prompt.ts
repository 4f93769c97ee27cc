/**
 * Asks before the window's unsaved edits are lost (closing, or switching folders from the menu).
 *
 * The renderer answers through `window.acqmetaApp` (`hasUnsavedChanges()`, `saveAll()`); the
 * user answers a native Save / Don't Save / Cancel box.
 */
import { dialog, type BrowserWindow } from 'electron';
import { confirmDiscardOrSave, type CloseChoice } from './close-guard';

const HAS_UNSAVED = `typeof window.acqmetaApp?.hasUnsavedChanges === 'function' && window.acqmetaApp.hasUnsavedChanges() === true`;
const SAVE_ALL = `Promise.resolve(window.acqmetaApp?.saveAll?.()).then((saved) => saved === true)`;

const CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];

/** Resolves true when the window's edits are saved or may be dropped. */
export function confirmLeave(window: BrowserWindow, action: string): Promise<boolean> {
  const contents = window.webContents;
  return confirmDiscardOrSave({
    hasUnsavedChanges: () =>
      contents.executeJavaScript(HAS_UNSAVED).then(
        (value: unknown) => value === true,
        () => false,
      ),
    ask: async () => {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
        message: `Save your changes before ${action}?`,
        detail: 'The edited sidecars have not been saved. Your changes will be lost if you don’t save them.',
      });
      return CHOICES[response] ?? 'cancel';
    },
    saveAll: () =>
      contents.executeJavaScript(SAVE_ALL).then(
        (value: unknown) => value === true,
        () => false,
      ),
  });
}
