/**
 * Asks before the window's unsaved edits are lost (closing, or switching folders from the menu).
 *
 * The renderer answers `window-question` events through the preload (`answerWindow`), like
 * every other message of the typed contract; the user answers a native Save / Don't Save /
 * Cancel box.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainEvent, type WebContents } from 'electron';
import type { ApiEvent, WindowAnswer, WindowQuestion } from '../../shared/api';
import { confirmDiscardOrSave, type CloseChoice } from './close-guard';
import { EVENT_CHANNEL, WINDOW_ANSWER_CHANNEL } from './ipc-channels';
import { isTrustedSender } from './security/sender-guard';

const CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];

/** Resolves true when the window's edits are saved or may be dropped. */
export function confirmLeave(window: BrowserWindow, action: string): Promise<boolean> {
  const contents = window.webContents;
  return confirmDiscardOrSave({
    hasUnsavedChanges: () => askWindow(contents, 'has-unsaved-changes'),
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
    saveAll: () => askWindow(contents, 'save-all'),
  });
}

/** Numbers the questions, so that an answer is matched to its own. */
let lastQuestion = 0;

/**
 * Asks the page in `contents` a question and resolves with its answer. A page that cannot
 * answer answers false: one still loading has no edits yet, and one that goes away (closed,
 * crashed, or replaced by another page) takes its edits with it.
 */
export function askWindow(contents: WebContents, question: WindowQuestion): Promise<boolean> {
  if (contents.isDestroyed() || contents.isCrashed() || contents.isLoadingMainFrame()) return Promise.resolve(false);
  const id = ++lastQuestion;
  return new Promise((resolve) => {
    const finish = (value: boolean): void => {
      ipcMain.removeListener(WINDOW_ANSWER_CHANNEL, listen);
      contents.removeListener('destroyed', gone);
      contents.removeListener('render-process-gone', gone);
      contents.removeListener('did-start-navigation', navigating);
      resolve(value);
    };
    const gone = (): void => finish(false);
    const navigating = ({ isMainFrame, isSameDocument }: { isMainFrame: boolean; isSameDocument: boolean }): void => {
      if (isMainFrame && !isSameDocument) finish(false);
    };
    const listen = (event: IpcMainEvent, value: unknown): void => {
      if (event.sender !== contents || !isTrustedSender(event.senderFrame)) return;
      const answer = parseWindowAnswer(value);
      if (answer?.id === id) finish(answer.value);
    };
    ipcMain.on(WINDOW_ANSWER_CHANNEL, listen);
    contents.on('destroyed', gone);
    contents.on('render-process-gone', gone);
    contents.on('did-start-navigation', navigating);
    const event: ApiEvent = { type: 'window-question', id, question };
    contents.send(EVENT_CHANNEL, event);
  });
}

/** A window's answer as sent, or null when it is not one. */
export function parseWindowAnswer(value: unknown): WindowAnswer | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, value: answer } = value as Record<string, unknown>;
  return typeof id === 'number' && typeof answer === 'boolean' ? { id, value: answer } : null;
}
