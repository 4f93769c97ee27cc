import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, WindowQuestion } from '../../../../shared/api';

const electron = vi.hoisted(() => ({
  answerListeners: new Set<(event: unknown, value: unknown) => void>(),
  /** The button the user clicks in the next message box (0 Save, 1 Don't Save, 2 Cancel). */
  response: 2,
  boxes: [] as { buttons: string[]; message: string; cancelId: number }[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    on: (channel: string, listener: (event: unknown, value: unknown) => void) => {
      if (channel === 'acqmeta:window-answer') electron.answerListeners.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, value: unknown) => void) => {
      if (channel === 'acqmeta:window-answer') electron.answerListeners.delete(listener);
    },
  },
  dialog: {
    showMessageBox: async (_window: unknown, options: { buttons: string[]; message: string; cancelId: number }) => {
      electron.boxes.push(options);
      return { response: electron.response };
    },
  },
}));

const { askWindow, confirmLeave } = await import('../../../../electron/main/leave-prompt');

const APP_FRAME = { url: 'app://acqmeta/index.html', parent: null };

/**
 * A window whose page answers the main process's questions as a renderer with `unsaved` edits
 * would, saving them with the result `saves`; `silent` pages receive questions but never answer.
 */
class FakePage extends EventEmitter {
  questions: { id: number; question: WindowQuestion }[] = [];
  loading = false;
  crashed = false;
  destroyed = false;
  silent = false;
  constructor(
    public unsaved: boolean,
    public saves = true,
  ) {
    super();
  }
  isDestroyed = () => this.destroyed;
  isCrashed = () => this.crashed;
  isLoadingMainFrame = () => this.loading;
  send(channel: string, event: ApiEvent): void {
    expect(channel).toBe('acqmeta:event');
    if (event.type !== 'window-question') throw new Error(`unexpected event ${event.type}`);
    this.questions.push({ id: event.id, question: event.question });
    if (this.silent) return;
    const value = event.question === 'has-unsaved-changes' ? this.unsaved : this.saves;
    if (event.question === 'save-all' && this.saves) this.unsaved = false;
    queueMicrotask(() => this.answer({ sender: this, senderFrame: APP_FRAME }, { id: event.id, value }));
  }
  /** Sends an answer as the preload does, from `from`. */
  answer(from: { sender: unknown; senderFrame: unknown }, value: unknown): void {
    for (const listener of [...electron.answerListeners]) listener(from, value);
  }
}

function leave(page: FakePage): Promise<boolean> {
  return confirmLeave({ webContents: page } as never, 'closing');
}

beforeEach(() => {
  electron.answerListeners.clear();
  electron.boxes = [];
  electron.response = 2;
});

describe('the leave prompt', () => {
  it('lets the window go without a box when the page has nothing unsaved', async () => {
    const page = new FakePage(false);
    expect(await leave(page)).toBe(true);
    expect(page.questions.map((q) => q.question)).toEqual(['has-unsaved-changes']);
    expect(electron.boxes).toEqual([]);
    expect(electron.answerListeners.size).toBe(0);
  });

  it('asks Save / Don’t Save / Cancel when there are unsaved edits, and Cancel keeps the window', async () => {
    const page = new FakePage(true);
    electron.response = 2;
    expect(await leave(page)).toBe(false);
    expect(electron.boxes).toMatchObject([
      { buttons: ['Save', "Don't Save", 'Cancel'], cancelId: 2, message: 'Save your changes before closing?' },
    ]);
    expect(page.questions.map((q) => q.question)).toEqual(['has-unsaved-changes']);
  });

  it('drops the edits on Don’t Save without asking the page to save', async () => {
    const page = new FakePage(true);
    electron.response = 1;
    expect(await leave(page)).toBe(true);
    expect(page.questions.map((q) => q.question)).toEqual(['has-unsaved-changes']);
  });

  it('has the page save everything on Save, and leaves only when every save succeeded', async () => {
    electron.response = 0;
    const saving = new FakePage(true, true);
    expect(await leave(saving)).toBe(true);
    expect(saving.questions.map((q) => q.question)).toEqual(['has-unsaved-changes', 'save-all']);
    const failing = new FakePage(true, false);
    expect(await leave(failing)).toBe(false);
    expect(failing.questions.map((q) => q.question)).toEqual(['has-unsaved-changes', 'save-all']);
  });

  it('takes an answer only from the page asked, its app frame, and for the question asked, while the page stays', async () => {
    const page = new FakePage(true);
    page.silent = true;
    const asked = askWindow(page as never, 'has-unsaved-changes');
    const id = page.questions[0]!.id;
    page.answer({ sender: new FakePage(false), senderFrame: APP_FRAME }, { id, value: false });
    page.answer({ sender: page, senderFrame: { url: 'https://evil.example/', parent: null } }, { id, value: false });
    page.answer({ sender: page, senderFrame: APP_FRAME }, { id: id + 1, value: false });
    page.answer({ sender: page, senderFrame: APP_FRAME }, { id, value: 'no' });
    // moving within the page, or in a subframe, keeps its edits
    page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    page.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    page.answer({ sender: page, senderFrame: APP_FRAME }, { id, value: true });
    expect(await asked).toBe(true);
    expect(electron.answerListeners.size).toBe(0);
  });

  it('counts a page that cannot answer as having nothing unsaved: loading, crashed, closed or replaced', async () => {
    const loading = new FakePage(true);
    loading.loading = true;
    expect(await askWindow(loading as never, 'has-unsaved-changes')).toBe(false);
    expect(loading.questions).toEqual([]);
    for (const goAway of [
      (page: FakePage) => page.emit('render-process-gone', {}, { reason: 'crashed' }),
      (page: FakePage) => page.emit('destroyed'),
      (page: FakePage) => page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false }),
    ]) {
      const page = new FakePage(true);
      page.silent = true;
      const asked = askWindow(page as never, 'has-unsaved-changes');
      goAway(page);
      expect(await asked).toBe(false);
      expect(page.listenerCount('destroyed') + page.listenerCount('did-start-navigation')).toBe(0);
    }
    expect(electron.answerListeners.size).toBe(0);
  });
});
