import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../../../../electron/services/rows/map-in-order';

/** Runs mapInOrder over 0..n-1 with calls that finish in reverse order of a round; records the most calls running at once. */
async function run(n: number, inFlight: number | { first: number; most: number }) {
  let running = 0;
  const peaks: number[] = [];
  const fn = async (i: number): Promise<number> => {
    running++;
    peaks.push(running);
    await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
    running--;
    return i * 10;
  };
  const out: number[] = [];
  for await (const value of mapInOrder(
    Array.from({ length: n }, (_, i) => i),
    inFlight,
    fn,
  ))
    out.push(value);
  return { out, peaks };
}

describe('mapInOrder', () => {
  it('yields every result in input order with at most inFlight calls running', async () => {
    const { out, peaks } = await run(200, 16);
    expect(out).toEqual(Array.from({ length: 200 }, (_, i) => i * 10));
    expect(Math.max(...peaks)).toBe(16);
  });

  it('starts with `first` calls and adds one per result taken, up to `most`', async () => {
    const release: (() => void)[] = [];
    let started = 0;
    const fn = (i: number) => {
      started++;
      return new Promise<number>((resolve) => (release[i] = () => resolve(i * 10)));
    };
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const results = mapInOrder(
      Array.from({ length: 60 }, (_, i) => i),
      { first: 4, most: 10 },
      fn,
    );
    const inFlight: number[] = [];
    for (let taken = 0; taken < 60; taken++) {
      const next = results.next();
      await settle();
      // running now: what the limit allows after `taken` results (never more than there are items)
      inFlight.push(started - taken);
      expect(started - taken).toBe(Math.min(10, 4 + taken, 60 - taken));
      release[taken]?.();
      expect((await next).value).toBe(taken * 10);
    }
    expect(Math.max(...inFlight)).toBe(10);
  });

  it('rethrows a failure when its turn comes', async () => {
    const fn = async (i: number) => {
      if (i === 3) throw new Error('bad file');
      return i;
    };
    const seen: number[] = [];
    await expect(async () => {
      for await (const value of mapInOrder([0, 1, 2, 3, 4], { first: 1, most: 4 }, fn)) seen.push(value);
    }).rejects.toThrow('bad file');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('yields the results it has while the next item is still awaited', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* items(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      await held; // a walk held up by a slow share
      yield 3;
    }
    const results = mapInOrder(items(), 64, async (i) => i * 10);
    expect((await results.next()).value).toBe(10);
    expect((await results.next()).value).toBe(20);
    release();
    expect((await results.next()).value).toBe(30);
    expect((await results.next()).done).toBe(true);
  });
});
