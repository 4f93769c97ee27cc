/** Modal questions (unsaved changes before opening another folder, the folder path) and notices. */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiResult, FolderListing } from '../../../../shared/api';
import type { AppState } from '../../app-store';
import { selectHasUnsaved } from '../selectors/edit-selectors';

/** A message in the notice area. */
export interface Notice {
  id: number;
  tone: 'error' | 'success';
  text: string;
  /** The cause: a new message with the same key replaces this one (by default the text). */
  key: string;
  /** True once the cause is gone; the message is then dropped by itself. */
  resolved?: (s: AppState) => boolean;
}

/** What `notify` may say about a message's cause. */
export interface NoticeOptions {
  key?: string;
  resolved?: (s: AppState) => boolean;
}

/** Dialogs and notices. */
export interface DialogSlice {
  /** Set while asking what to do with unsaved changes before opening another folder. */
  openPrompt: { path: string | undefined } | null;
  /** Browser mode's "Open folder…" is asking for a path (a browser cannot show the server's folders). */
  folderPathPrompt: boolean;
  closeFolderPathPrompt(): void;
  /** The subfolders of `path` (without it, of the served folder), for the folder dialog. */
  listFolders(path?: string): Promise<ApiResult<FolderListing>>;
  /** Electron's native dialog for a folder where files go: its path, not opened; null when cancelled. */
  chooseFolderPath(): Promise<string | null>;
  /**
   * Opens the folder chosen in the folder dialog (asking first about unsaved changes): resolves
   * with the message to show under the path when it cannot be opened (the dialog stays), else null.
   */
  openFolderFromPrompt(path: string): Promise<string | null>;
  /** The keyboard shortcuts list is shown. */
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  notices: readonly Notice[];
  /** Shows a message, replacing the one of the same cause; the newest few are kept. */
  notify(tone: Notice['tone'], text: string, options?: NoticeOptions): void;
  dismissNotice(id: number): void;
  /** Drops the messages whose cause is resolved (run after every store change). */
  dropResolvedNotices(): void;
  /**
   * Opens a folder, first asking when there are unsaved changes. Without `path`, Electron shows
   * its native dialog and browser mode asks for a path.
   */
  requestOpenFolder(path?: string): void;
  answerOpenPrompt(choice: 'save' | 'discard' | 'cancel'): Promise<void>;
}

/** Error messages kept at once; older ones give way. */
const MAX_NOTICES = 3;
let nextNoticeId = 1;

/** Creates the dialog slice. */
export const createDialogSlice: StateCreator<AppState, [], [], DialogSlice> = (set, get) => ({
  openPrompt: null,
  folderPathPrompt: false,
  shortcutsOpen: false,
  notices: [],

  notify: (tone, text, options = {}) => {
    // Confirmations share one key: the status bar shows the newest only.
    const key = options.key ?? (tone === 'success' ? 'success' : text);
    const notice: Notice = {
      id: nextNoticeId++,
      tone,
      text,
      key,
      ...(options.resolved ? { resolved: options.resolved } : {}),
    };
    set((s) => {
      const next = [...s.notices.filter((n) => n.key !== key), notice];
      const errors = next.filter((n) => n.tone === 'error');
      const dropped = new Set(errors.slice(0, Math.max(0, errors.length - MAX_NOTICES)));
      return { notices: next.filter((n) => !dropped.has(n)) };
    });
  },

  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),

  dropResolvedNotices: () => {
    const s = get();
    const open = s.notices.filter((n) => !n.resolved?.(s));
    if (open.length !== s.notices.length) set({ notices: open });
  },

  closeFolderPathPrompt: () => set({ folderPathPrompt: false }),

  listFolders: (path) => get().client.listFolders(path === undefined ? {} : { path }),

  chooseFolderPath: async () => {
    const result = await get().client.chooseFolderPath({});
    if (result.ok) return result.payload.path;
    get().notify('error', result.error.message);
    return null;
  },

  openFolderFromPrompt: async (path) => {
    // The same checks as opening (absolute, existing, inside the served folder), without opening yet.
    const check = await get().client.listFolders({ path });
    if (!check.ok) return check.error.message;
    set({ folderPathPrompt: false });
    get().requestOpenFolder(check.payload.path);
    return null;
  },
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),

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
