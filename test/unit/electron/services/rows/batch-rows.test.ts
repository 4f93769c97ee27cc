import { describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import { batchRows } from '../../../../../electron/services/rows';

const row = (path: string): ImageRow => ({ path }) as ImageRow;

/** Rows that come as the test lets them: `push` hands one over, `end` finishes the stream. */
function heldRows(): { rows: AsyncIterable<ImageRow>; push(path: string): void; end(): void } {
  const queue: (ImageRow | null)[] = [];
  let wake: (() => void) | null = null;
  const hand = (item: ImageRow | null): void => {
    queue.push(item);
    wake?.();
    wake = null;
  };
  async function* rows(): AsyncGenerator<ImageRow> {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const item = queue.shift() as ImageRow | null;
      if (item === null) return;
      yield item;
    }
  }
  return { rows: rows(), push: (path) => hand(row(path)), end: () => hand(null) };
}

describe('batchRows', () => {
  it('sends the rows it has once the batch is due, though no further row comes', async () => {
    const source = heldRows();
    const batches = batchRows(source.rows, { firstRows: 32, maxRows: 100, maxDelayMs: 20 });
    source.push('a.tif');
    source.push('b.tif');
    const first = await batches.next();
    expect(first.value?.map((r: ImageRow) => r.path)).toEqual(['a.tif', 'b.tif']);
    source.push('c.tif');
    source.end();
    expect((await batches.next()).value?.map((r: ImageRow) => r.path)).toEqual(['c.tif']);
    expect((await batches.next()).done).toBe(true);
  });

  it('cuts full batches, the first small and each later one twice as large', async () => {
    async function* many(): AsyncGenerator<ImageRow> {
      for (let i = 0; i < 14; i += 1) yield row(`${i}.tif`);
    }
    const sizes: number[] = [];
    for await (const batch of batchRows(many(), { firstRows: 2, maxRows: 8, maxDelayMs: 60_000 }))
      sizes.push(batch.length);
    expect(sizes).toEqual([2, 4, 8]);
  });
});
