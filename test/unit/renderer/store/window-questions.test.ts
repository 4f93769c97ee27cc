import { describe, expect, it } from 'vitest';
import type { WindowAnswer, WindowQuestion } from '../../../../shared/api';
import { connectBackendEvents } from '../../../../renderer/src/backend-events';
import { makeRow, storeWithRows } from './fake-client';

/** A store with two rows, its events connected, and `ask` sending it the main process's questions. */
function window() {
  const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
  const answers: WindowAnswer[] = [];
  let answered: (answer: WindowAnswer) => void = () => undefined;
  backend.client.answerWindow = (answer) => {
    answers.push(answer);
    answered(answer);
  };
  connectBackendEvents(store);
  let id = 0;
  /** Sends a question as the main process does and resolves with the window's answer. */
  const ask = (question: WindowQuestion): Promise<WindowAnswer> => {
    const asked = new Promise<WindowAnswer>((resolve) => (answered = resolve));
    backend.emit({ type: 'window-question', id: ++id, question });
    return asked;
  };
  return { store, backend, answers, ask };
}

describe('the main process’s questions before edits are lost', () => {
  it('answers whether anything typed is unsaved, invalid values included', async () => {
    const { store, ask } = window();
    expect(await ask('has-unsaved-changes')).toEqual({ id: 1, value: false });
    store.getState().setFieldText(['a.tif'], 'branch_order', '2.5');
    expect(await ask('has-unsaved-changes')).toEqual({ id: 2, value: true });
    store.getState().setFieldText(['a.tif'], 'branch_order', '');
    store.getState().setFieldText(['b.tif'], 'genotype', 'WT');
    expect(await ask('has-unsaved-changes')).toEqual({ id: 3, value: true });
  });

  it('saves everything when asked, and answers whether nothing is left unsaved', async () => {
    const { store, backend, ask } = window();
    store.getState().setFieldText(['b.tif'], 'genotype', 'WT');
    expect(await ask('save-all')).toEqual({ id: 1, value: true });
    expect(backend.saves.flat().map((save) => [save.path, save.changes])).toEqual([['b.tif', { genotype: 'WT' }]]);
    expect(await ask('has-unsaved-changes')).toEqual({ id: 2, value: false });
  });

  it('answers false to saving when a value cannot be saved or the disk refuses a file', async () => {
    const { store, backend, ask } = window();
    store.getState().setFieldText(['a.tif'], 'branch_order', '2.5');
    expect(await ask('save-all')).toEqual({ id: 1, value: false });
    store.getState().setFieldText(['a.tif'], 'branch_order', '');
    store.getState().setFieldText(['b.tif'], 'genotype', 'WT');
    backend.saveOutcome = (save) => ({ path: save.path, ok: false, error: { code: 'IO', message: 'disk full' } });
    expect(await ask('save-all')).toEqual({ id: 2, value: false });
    expect(await ask('has-unsaved-changes')).toEqual({ id: 3, value: true });
  });
});
