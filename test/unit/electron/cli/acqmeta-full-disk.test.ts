/**
 * `acqmeta set` on a disk with room for only some of the sidecars it makes: those that fit are
 * saved whole, each that does not is named with the reason, and no file that failed would
 * have fit (writes in flight at once take room for their temp copies; a file that fails for
 * want of room is tried again once they have ended).
 */
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CANNOT_MOUNT, smallDisk } from '../services/sidecar/disk-faults';
import { buildCli, type BuiltCli } from './built-cli';
import { storedValue } from './gated-writers';

const TIFF = fileURLToPath(new URL('../../../fixtures/tiff/generated/imagej-2ch-u16.tif', import.meta.url));
const IMAGES = 40;

let cli: BuiltCli;
const undo: (() => void)[] = [];

beforeAll(async () => {
  cli = await buildCli();
});
afterAll(async () => {
  await cli.remove();
});
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

describe('acqmeta set on a disk that fills up', () => {
  it('saves every sidecar there is room for and names each one there is not', async (ctx) => {
    const base = await mkdtemp(path.join(tmpdir(), 'acqmeta-full-'));
    undo.push(() => rmSync(base, { recursive: true, force: true }));
    const disk = path.join(base, 'disk');
    // 40 images take 160 KiB of it: room for about 20 new sidecars and their journal.
    const unmount = smallDisk(disk, 256 * 1024);
    if (unmount === null) ctx.skip(CANNOT_MOUNT);
    else undo.push(unmount);
    const names = Array.from({ length: IMAGES }, (_, i) => `cell-${String(i).padStart(2, '0')}.tif`);
    for (const name of names) copyFileSync(TIFF, path.join(disk, name));

    const run = await cli.run(['set', 'disk', '--set', 'species=rat'], base);
    const saved = names.filter((name) => readdirSync(disk).includes(`${name}.json`));
    const failed = names.filter((name) => !saved.includes(name));
    expect(failed.length).toBeGreaterThan(0);
    expect(run.code).toBe(3);
    expect(run.stderr.trimEnd().split('\n')).toEqual(
      failed.map((name) => `disk/${name}: ${name}.json could not be saved: the disk is full`),
    );
    expect(run.stdout).toContain(`0 sidecars updated, ${saved.length} created, 0 unchanged, ${failed.length} failed`);
    for (const name of saved) expect(storedValue(path.join(disk, `${name}.json`), 'species')).toBe('rat');

    // The run left no room unused: a file that failed does not fit even when written alone.
    const alone = failed[0] as string;
    const again = await cli.run(['set', `disk/${alone}`, '--set', 'species=rat'], base);
    expect(again.stderr).toBe(`disk/${alone}: ${alone}.json could not be saved: the disk is full\n`);
    expect(again.code).toBe(3);
    expect(readdirSync(disk).filter((name) => name.startsWith('.acqmeta-'))).toEqual([]);
  }, 60_000);
});
