/**
 * Where the change journal goes (issue 30): the nearest `.acqmeta/journal/` at or above the
 * image up to the opened folder holding it (issue 46: never above it), else that opened folder,
 * else the image's own folder; made on the first
 * write only; `.acqmeta/journal-off` turns it off; a folder that cannot be written keeps its
 * journal in the settings folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalPlaces, settingsJournalDir } from '../../../../../electron/services/journal';
import { makeUnwritable } from './unwritable-folder';

let base: string;
let configDir: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-places-'));
  configDir = path.join(base, 'config');
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** Makes `rel` (a folder) under the test folder; returns its absolute path. */
function folder(rel: string): string {
  const dir = path.join(base, rel);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const journalOf = (dir: string) => path.join(dir, '.acqmeta', 'journal');

describe('journalPlaces', () => {
  it('uses the nearest existing journal between the image and the opened folder, over the opened folder', async () => {
    const exp = folder('top/exp');
    folder('top/exp/day1/cells');
    mkdirSync(journalOf(path.join(exp, 'day1')), { recursive: true });
    const places = journalPlaces({ roots: [exp], configDir });
    expect(await places.placeFor(path.join(exp, 'day1/cells/a.tif'))).toEqual({
      root: path.join(exp, 'day1'),
      dir: journalOf(path.join(exp, 'day1')),
    });
    expect(existsSync(journalOf(exp))).toBe(false);
  });

  it('never takes a journal, or a journal-off, above the opened folder', async () => {
    // a journal planted in a parent (as /tmp/.acqmeta/journal) must not receive this writer's records
    const top = folder('top');
    const exp = folder('top/exp');
    mkdirSync(journalOf(top), { recursive: true });
    writeFileSync(path.join(top, '.acqmeta', 'journal-off'), '');
    const places = journalPlaces({ roots: [exp], configDir });
    expect(await places.placeFor(path.join(exp, 'a.tif'))).toEqual({ root: exp, dir: journalOf(exp) });
    // an image named on its own: its folder is the one opened
    const loose = journalPlaces({ roots: [], configDir });
    expect(await loose.placeFor(path.join(exp, 'b.tif'))).toEqual({ root: exp, dir: journalOf(exp) });
  });

  it('takes the journal of the image folder itself when it has one', async () => {
    const cells = folder('exp/cells');
    mkdirSync(journalOf(cells), { recursive: true });
    const places = journalPlaces({ roots: [path.join(base, 'exp')], configDir });
    expect(await places.placeFor(path.join(cells, 'a.tif'))).toEqual({ root: cells, dir: journalOf(cells) });
  });

  it('names the journal of the opened folder that holds the image, made by its first record only', async () => {
    const other = folder('other');
    const exp = folder('exp');
    folder('exp/day1/cells');
    const places = journalPlaces({ roots: [other, exp], configDir });
    expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
    const place = await places.placeFor(path.join(exp, 'day1/cells/a.tif'));
    expect(place).toEqual({ root: exp, dir: journalOf(exp) });
    // nothing made yet (the write worker makes it with the first record it appends), and no settings folder
    expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
    expect(existsSync(path.join(other, '.acqmeta'))).toBe(false);
    expect(existsSync(path.join(exp, 'day1', '.acqmeta'))).toBe(false);
    expect(existsSync(configDir)).toBe(false);
    // the next image of the same writer goes to the same journal
    expect(await places.placeFor(path.join(exp, 'b.tif'))).toEqual(place);
  });

  it("uses the image's own folder when no opened folder holds it", async () => {
    const exp = folder('exp');
    const elsewhere = folder('elsewhere/cells');
    const places = journalPlaces({ roots: [exp], configDir });
    expect(await places.placeFor(path.join(elsewhere, 'a.tif'))).toEqual({
      root: elsewhere,
      dir: journalOf(elsewhere),
    });
    expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
  });

  it('does not take a sibling folder whose name starts with the opened folder for the opened folder', async () => {
    const exp = folder('exp');
    const sibling = folder('exp-2');
    const places = journalPlaces({ roots: [exp], configDir });
    expect(await places.placeFor(path.join(sibling, 'a.tif'))).toEqual({ root: sibling, dir: journalOf(sibling) });
  });

  it('is off (null, nothing made) under a folder whose .acqmeta holds journal-off', async () => {
    const exp = folder('exp');
    folder('exp/day1');
    mkdirSync(path.join(exp, '.acqmeta'));
    writeFileSync(path.join(exp, '.acqmeta', 'journal-off'), '');
    const places = journalPlaces({ roots: [exp], configDir });
    expect(await places.placeFor(path.join(exp, 'a.tif'))).toBeNull();
    expect(await places.placeFor(path.join(exp, 'day1', 'b.tif'))).toBeNull();
    expect(existsSync(journalOf(exp))).toBe(false);
    expect(existsSync(path.join(exp, 'day1', '.acqmeta'))).toBe(false);
    expect(existsSync(configDir)).toBe(false);
  });

  it('names the settings stand-in by the first 16 hex digits of the sha256 of the folder', () => {
    // computed independently, by the sha256sum tool
    const expected = execFileSync('sha256sum', { input: path.resolve('/data/exp') })
      .toString()
      .slice(0, 16);
    expect(settingsJournalDir('/cfg', '/data/exp')).toBe(path.join('/cfg', 'journals', expected));
  });
});

describe('journalPlaces in a folder that cannot be written', () => {
  it('keeps the journal in the settings folder, says so once, and leaves the folder untouched', async (context) => {
    const exp = folder('exp');
    writeFileSync(path.join(exp, 'a.tif'), 'not really a TIFF');
    const locked = makeUnwritable(exp);
    if (locked === null) {
      // Neither the permission bits nor the immutable attribute stop this user here: say so.
      context.skip('no way to make a folder unwritable for this user on this file system');
      return;
    }
    try {
      const told: [string, string][] = [];
      const places = journalPlaces({ roots: [exp], configDir, onFallback: (root, dir) => told.push([root, dir]) });
      const stand = settingsJournalDir(configDir, exp);
      expect(stand).toBe(path.join(configDir, 'journals', stand.slice(-16)));
      expect(await places.placeFor(path.join(exp, 'a.tif'))).toEqual({ root: exp, dir: stand });
      expect(await places.placeFor(path.join(exp, 'b.tif'))).toEqual({ root: exp, dir: stand });
      expect(told).toEqual([[exp, stand]]);
      expect(existsSync(stand)).toBe(true);
      // the stand-in names the folder it stands for
      expect(readFileSync(path.join(stand, 'folder.txt'), 'utf8')).toBe(`${exp}\n`);
      expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
    } finally {
      locked.undo();
    }
  });
});
