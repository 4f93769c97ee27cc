import { describe, expect, it } from 'vitest';
import type { SaveRequest } from '../../../shared/api';
import { SAVE_BATCH, saveBatches, sendSaveBatches, type SaveAnswer } from '../../../shared/save-batches';

const save = (path: string): SaveRequest => ({ path, changes: { depth: 1 }, expected: null });

/** A request the test answers when it chooses. */
interface Pending {
  batch: SaveRequest[];
  answer(result: SaveAnswer): void;
}

/** A `send` that records each request and leaves it pending until the test answers it. */
function heldSender(): { send: (batch: SaveRequest[]) => Promise<SaveAnswer>; sent: Pending[] } {
  const sent: Pending[] = [];
  const send = (batch: SaveRequest[]) =>
    new Promise<SaveAnswer>((resolve) => {
      sent.push({ batch, answer: resolve });
    });
  return { send, sent };
}

const ok: SaveAnswer = { ok: true, payload: [] };
const refused: SaveAnswer = { ok: false, error: { code: 'IO', message: 'the disk is full' } };

/** Lets every settled promise run its continuations. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('saveBatches', () => {
  it('takes each folder in turn and cuts requests of SAVE_BATCH files', () => {
    const saves = [...Array.from({ length: SAVE_BATCH }, (_, i) => save(`a/${i}.tif`)), save('b/0.tif')];
    const batches = saveBatches(saves);
    expect(batches.map((b) => b.length)).toEqual([SAVE_BATCH, 1]);
    expect(batches[0]?.slice(0, 3).map((s) => s.path)).toEqual(['a/0.tif', 'b/0.tif', 'a/1.tif']);
  });
});

describe('sendSaveBatches', () => {
  it('sends the first request alone, then keeps one request ahead of each answer', async () => {
    const { send, sent } = heldSender();
    const received: number[] = [];
    const batches = [[save('0')], [save('1')], [save('2')]];
    const done = sendSaveBatches(batches, send, (index) => received.push(index));
    await settle();
    expect(sent.length).toBe(1);
    sent[0]?.answer(ok);
    await settle();
    expect(sent.map((p) => p.batch[0]?.path)).toEqual(['0', '1', '2']);
    sent[1]?.answer(ok);
    sent[2]?.answer(ok);
    await done;
    expect(received).toEqual([0, 1, 2]);
  });

  it('sends nothing more after a failed answer, and reports the batches not sent', async () => {
    const { send, sent } = heldSender();
    const received: [number, SaveAnswer | null][] = [];
    const batches = [[save('0')], [save('1')], [save('2')], [save('3')]];
    const done = sendSaveBatches(batches, send, (index, _batch, answer) => received.push([index, answer]));
    await settle();
    sent[0]?.answer(ok);
    await settle();
    sent[1]?.answer(refused);
    sent[2]?.answer(ok);
    await done;
    // The request already ahead (2) is still taken; 3 was never sent.
    expect(sent.length).toBe(3);
    expect(received).toEqual([
      [0, ok],
      [1, refused],
      [2, ok],
      [3, null],
    ]);
  });
});
