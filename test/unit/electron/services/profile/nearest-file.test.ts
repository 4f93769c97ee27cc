import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nearestFileLookup } from '../../../../../electron/services/profile';

let top: string;
beforeEach(() => {
  top = mkdtempSync(path.join(tmpdir(), 'acqmeta-nearest-'));
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

/** Rejections no handler had when the microtask queue drained, while `run` ran. */
async function unhandledDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', record);
  try {
    await run().catch(() => undefined);
    // one turn of the event loop: Node reports unhandled rejections after the microtasks drain
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', record);
  }
  return seen;
}

describe('the nearest file of a name', () => {
  it('hands a parent’s failed load to the folder that asked, never leaving it unhandled', async () => {
    const deep = path.join(top, 'a', 'b', 'c', 'd', 'e');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(top, 'rules.txt'), 'bad');
    const lookUp = nearestFileLookup('rules.txt', (file) => Promise.reject(new Error(`${file} is bad`)));
    const seen = await unhandledDuring(async () => {
      await expect(lookUp(deep)).rejects.toThrow(`${path.join(top, 'rules.txt')} is bad`);
    });
    expect(seen).toEqual([]);
  });

  it('finds the file in the folder itself before any parent', async () => {
    const inner = path.join(top, 'inner');
    mkdirSync(inner);
    writeFileSync(path.join(top, 'rules.txt'), 'outer');
    writeFileSync(path.join(inner, 'rules.txt'), 'inner');
    const lookUp = nearestFileLookup('rules.txt', async (file) => file);
    expect(await lookUp(inner)).toBe(path.join(inner, 'rules.txt'));
    expect(await lookUp(top)).toBe(path.join(top, 'rules.txt'));
  });
});
