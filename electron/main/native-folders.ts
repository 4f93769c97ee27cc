/**
 * The system's own folder windows, as the backend asks for them (Electron only): the native
 * dialog that chooses a folder, and the file manager that shows one. Glue: what is done with
 * the answer (a refusal put in words for the window) is the backend's.
 */
import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { BackendOptions } from '../services/backend';

/** The backend's `chooseFolder` and `showFolder`; the dialog belongs to the window `window()` gives, when there is one. */
export function nativeFolders(
  window: () => BrowserWindow | null,
): Required<Pick<BackendOptions, 'chooseFolder' | 'showFolder'>> {
  return {
    async chooseFolder(purpose) {
      const options: OpenDialogOptions =
        purpose === 'open'
          ? { title: 'Open Folder', buttonLabel: 'Open', properties: ['openDirectory'] }
          : { title: 'Choose Output Folder', buttonLabel: 'Choose', properties: ['openDirectory', 'createDirectory'] };
      const parent = window();
      const result =
        parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showFolder: (folder) => shell.openPath(folder),
  };
}
