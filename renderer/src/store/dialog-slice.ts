/** Modal questions (unsaved changes before opening another folder, the folder path) and notices. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-store';
import { selectHasUnsaved } from './selectors';

/** A message in the notice area. */
export interface Notice {
  id: number;
  tone: 'error' | 'success';
  text: string;
}

/** Dialogs and notices. */
export interface DialogSlice {
  /** Set while asking what to do with unsaved changes before opening another folder. */
  openPrompt: { path: string | undefined } | null;
  /** Browser mode's "Open folder…" is asking for a path (a browser cannot show the server's folders). */
  folderPathPrompt: boolean;
  closeFolderPathPrompt(): void;
  notices: readonly Notice[];
  notify(tone: Notice['tone'], text: string): void;
  dismissNotice(id: number): void;
  /**
   * Opens a folder, first asking when there are unsaved changes. Without `path`, Electron shows
   * its native dialog and browser mode asks for a path.
   */
  requestOpenFolder(path?: string): void;
  answerOpenPrompt(choice: 'save' | 'discard' | 'cancel'): Promise<void>;
}

const MAX_NOTICES = 4;
let nextNoticeId = 1;

/** Creates the dialog slice. */
export const createDialogSlice: StateCreator<AppState, [], [], DialogSlice> = (set, get) => ({
  openPrompt: null,
  folderPathPrompt: false,
  notices: [],

  notify: (tone, text) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: nextNoticeId++, tone, text }].slice(-MAX_NOTICES) })),

  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),

  closeFolderPathPrompt: () => set({ folderPathPrompt: false }),

  requestOpenFolder: (path) => {
    if (path === undefined && get().session?.door === 'browser') set({ folderPathPrompt: true });
    else if (selectHasUnsaved(get())) set({ openPrompt: { path } });
    else void get().openFolder(path);
  },

  answerOpenPrompt: async (choice) => {
    const prompt = get().openPrompt;
    set({ openPrompt: null });
    if (!prompt || choice === 'cancel') return;
    if (choice === 'save' && !(await get().saveAll())) return;
    await get().openFolder(prompt.path);
  },
});
