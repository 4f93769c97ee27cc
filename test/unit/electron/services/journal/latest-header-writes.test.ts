/**
 * The latest header write of each image for recovery (issue 79), read without the folder's whole
 * journal: only the journal files written since the image was last modified (less a margin for
 * clocks) are read, and only their records made since then are taken. A record taken back by a
 * later line is not the latest; a record in a subfolder's journal is found; an image modified
 * long after its last header write (a write that finished) has none.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderHeaderWrites } from '../../../../../electron/services/journal/folder-header-writes';
import { headerLinesOf } from '../../../../../electron/services/journal/header-lines';
import {
  CLOCK_MARGIN_MS,
  headerWritesMarked,
  latestHeaderWritesOf,
} from '../../../../../electron/services/journal/latest-header-writes';
import { HEADER_WRITE_KIND, journalLine, type HeaderWriteRecord } from '../../../../../shared/journal';

let base: string;
let configDir: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-latest-header-'));
  configDir = path.join(base, 'config');
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** A header write record of `recPath` (relative to its journal's folder) made at `time` (ms). */
function headerRecord(id: string, recPath: string, time: number): HeaderWriteRecord {
  return {
    kind: HEADER_WRITE_KIND,
    id,
    batch: 'b',
    time: new Date(time).toISOString(),
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'calibrate --pixel-size 0.5',
    path: recPath,
    values: [],
    ranges: [{ offset: 4, old: '08000000', new: '00100000' }],
    appended: { offset: 4096, length: 200 },
    before: { size: 4096, mtime: 1, sha256: 'a' },
    after: { size: 4296, mtime: 2, sha256: 'b' },
  };
}

/**
 * Writes the journal file `name` of `folder` holding `lines`, modified at `mtime` (ms); the
 * folder's header write mark is moved to its latest header record's time, as the writer does
 * (unless `unmarked`).
 */
function journalFile(
  folder: string,
  name: string,
  lines: Parameters<typeof journalLine>[0][],
  mtime: number,
  unmarked = false,
): void {
  const dir = path.join(folder, '.acqmeta', 'journal');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, lines.map((line) => journalLine(line)).join(''));
  utimesSync(file, mtime / 1000, mtime / 1000);
  const times = lines.flatMap((line) =>
    'kind' in line && line.kind === HEADER_WRITE_KIND ? [Date.parse(line.time)] : [],
  );
  if (unmarked || times.length === 0) return;
  const mark = path.join(dir, 'header-writes');
  const at = Math.max(...times, existsSync(mark) ? statSync(mark).mtimeMs : 0);
  writeFileSync(mark, '');
  utimesSync(mark, at / 1000, at / 1000);
}

/** An image file at `folder/name`, modified at `mtime` (ms); its absolute path. */
function image(folder: string, name: string, mtime: number): string {
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'II*\0');
  utimesSync(file, mtime / 1000, mtime / 1000);
  return file;
}

describe('latestHeaderWritesOf', () => {
  it('takes the latest record made since the image was modified, from the files written since', async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    const hour = 3_600_000;
    const finished = image(base, 'finished.tif', now);
    const cells = image(base, 'cells.tif', now);
    const deep = image(base, 'day1/deep.tif', now);
    // a write that finished an hour ago, the image modified since: nothing of it to recover
    journalFile(base, 'a-old.jsonl', [headerRecord('old', 'finished.tif', now - hour)], now - hour);
    // writes journaled just before the image was written, the later one taken back
    journalFile(
      base,
      'b-new.jsonl',
      [headerRecord('first', 'cells.tif', now - 1000), headerRecord('second', 'cells.tif', now - 500)],
      now - 500,
    );
    journalFile(base, 'c-cancel.jsonl', [{ cancel: 'second' }], now);
    journalFile(path.join(base, 'day1'), 'd.jsonl', [headerRecord('deep', 'deep.tif', now)], now);

    const images = [finished, cells, deep].map((absPath) => ({ absPath, mtimeMs: now }));
    const latest = await latestHeaderWritesOf(base, images, configDir);
    expect([...latest].map(([file, record]) => [path.relative(base, file), record.id])).toEqual([
      ['cells.tif', 'first'],
      [path.join('day1', 'deep.tif'), 'deep'],
    ]);

    // an image not modified since its last write: that write is its latest
    const unchanged = await latestHeaderWritesOf(base, [{ absPath: finished, mtimeMs: now - hour }], configDir);
    expect(unchanged.get(finished)?.id).toBe('old');
    // within the margin of the clocks, the record is still taken
    const skewed = now - hour - CLOCK_MARGIN_MS / 2;
    const within = await latestHeaderWritesOf(base, [{ absPath: finished, mtimeMs: skewed }], configDir);
    expect(within.get(finished)?.id).toBe('old');
  });

  it('finds a write killed before its first byte: the image older than its record', async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    const cells = image(base, 'cells.tif', now - 3_600_000);
    journalFile(base, 'a.jsonl', [headerRecord('killed', 'cells.tif', now)], now);
    const latest = await latestHeaderWritesOf(base, [{ absPath: cells, mtimeMs: now - 3_600_000 }], configDir);
    expect(latest.get(cells)?.id).toBe('killed');
  });

  it('reads no journal of a folder without a header write marked since its images were modified', async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    const cells = image(base, 'cells.tif', now);
    // the record is there, but the folder's mark never moved (a folder no header write reached)
    journalFile(base, 'a.jsonl', [headerRecord('unmarked', 'cells.tif', now)], now, true);
    expect(await latestHeaderWritesOf(base, [{ absPath: cells, mtimeMs: now }], configDir)).toEqual(new Map());
    // marked, it is found
    journalFile(base, 'b.jsonl', [headerRecord('marked', 'cells.tif', now + 1)], now + 1);
    const latest = await latestHeaderWritesOf(base, [{ absPath: cells, mtimeMs: now }], configDir);
    expect(latest.get(cells)?.id).toBe('marked');
  });
});

describe("the mark's own record", () => {
  /** Sets `folder`'s journal mark to `record`'s line, at `mtime` (ms), as the writer does before appending it. */
  function markWith(folder: string, record: HeaderWriteRecord, mtime: number): void {
    const mark = path.join(folder, '.acqmeta', 'journal', 'header-writes');
    mkdirSync(path.dirname(mark), { recursive: true });
    writeFileSync(mark, journalLine(record));
    utimesSync(mark, mtime / 1000, mtime / 1000);
  }

  it("is the image's latest write, its journal files unread, when the image is as that write left it", async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    const cells = image(base, 'cells.tif', now);
    const finished = { ...headerRecord('finished', 'cells.tif', now), after: { size: 4, mtime: now, sha256: 'b' } };
    markWith(base, finished, now);
    // the journal's file is one that cannot be read: the mark alone answers
    mkdirSync(path.join(base, '.acqmeta', 'journal', 'a.jsonl'));
    const stamp = { absPath: cells, mtimeMs: now, size: 4 };
    expect((await latestHeaderWritesOf(base, [stamp], configDir)).get(cells)?.id).toBe('finished');
    // a mark moved long after its record (by an AcqMeta whose mark held none) is not trusted
    const mark = path.join(base, '.acqmeta', 'journal', 'header-writes');
    utimesSync(mark, (now + 60_000) / 1000, (now + 60_000) / 1000);
    expect(await latestHeaderWritesOf(base, [stamp], configDir)).toEqual(new Map());
  });

  it('is not taken alone for an image changed since, or for a folder of more images', async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    const cells = image(base, 'cells.tif', now);
    const other = image(base, 'other.tif', now);
    const record = { ...headerRecord('killed', 'cells.tif', now), after: { size: 4, mtime: now, sha256: 'b' } };
    journalFile(base, 'a.jsonl', [record, { cancel: 'killed' }], now);
    markWith(base, record, now);
    // another size: the write was taken back, as the journal's file says
    const grown = { absPath: cells, mtimeMs: now, size: 5 };
    expect(await latestHeaderWritesOf(base, [grown], configDir)).toEqual(new Map());
    // two images under the folder: the journal's files are read
    const both = [cells, other].map((absPath) => ({ absPath, mtimeMs: now, size: 4 }));
    expect(await latestHeaderWritesOf(base, both, configDir)).toEqual(new Map());
  });
});

describe('headerWritesMarked', () => {
  it("says whether a journal that may hold an image's header writes ever marked one", async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    const top = image(base, 'top.tif', now);
    const deep = image(base, 'day1/deep.tif', now);
    const other = image(base, 'day2/other.tif', now);
    // a journal of sidecar writes only: no mark, so no image needs its modification time read
    journalFile(base, 'a.jsonl', [], now);
    expect(await headerWritesMarked(base, [top, deep, other], configDir)).toBe(false);
    // a header write journaled in day1: its images, and a command over the whole folder, look
    journalFile(path.join(base, 'day1'), 'b.jsonl', [headerRecord('deep', 'deep.tif', now)], now);
    expect(await headerWritesMarked(base, [deep], configDir)).toBe(true);
    expect(await headerWritesMarked(base, [top, deep, other], configDir)).toBe(true);
    // day2's image cannot have a record in day1's journal
    expect(await headerWritesMarked(base, [top, other], configDir)).toBe(false);
  });
});

describe('folderHeaderWrites (the app, at a scan of the open folder)', () => {
  it("takes each image's latest write not taken back, from the marked journals of the folder and below", async () => {
    const now = Date.parse('2026-11-29T00:30:00Z');
    journalFile(
      base,
      'a.jsonl',
      [headerRecord('first', 'cells.tif', now), headerRecord('gone', 'day1/deep.tif', now)],
      now,
    );
    journalFile(base, 'b.jsonl', [headerRecord('second', 'cells.tif', now + 1), { cancel: 'second' }], now + 1);
    journalFile(path.join(base, 'day1'), 'c.jsonl', [headerRecord('deep', 'deep.tif', now + 2)], now + 2);
    // a folder whose journal never marked a header write is not read
    journalFile(path.join(base, 'day2'), 'd.jsonl', [headerRecord('unmarked', 'other.tif', now)], now, true);
    const latest = await folderHeaderWrites(base, configDir);
    expect([...latest].map(([relPath, record]) => [relPath, record.id, record.path])).toEqual([
      ['cells.tif', 'first', 'cells.tif'],
      ['day1/deep.tif', 'deep', 'day1/deep.tif'],
    ]);
    // asked of the subfolder, the paths are its own, and nothing above it is read
    expect([...(await folderHeaderWrites(path.join(base, 'day1'), configDir)).keys()]).toEqual(['deep.tif']);
  });
});

describe('headerLinesOf', () => {
  it('parses only the header write records and cancel lines among the sidecar records', async () => {
    const dir = path.join(base, 'lab', '.acqmeta', 'journal');
    mkdirSync(dir, { recursive: true });
    const sidecar = (id: string, note: string) =>
      `{"id":"${id}","batch":"b","time":"2026-11-29T00:00:00.000Z","user":"ana","host":"pc","tool":"acqmeta",` +
      `"action":"set","path":"a.tif","changes":[{"field":"notes","old":"","new":"${note}"}],"before":null,"after":null}\n`;
    const file = path.join(dir, 'a.jsonl');
    writeFileSync(
      file,
      sidecar('s1', 'plain') +
        journalLine(headerRecord('h1', 'a.tif', 1)) +
        sidecar('s2', 'the image-header was "image-header"') +
        journalLine({ cancel: 's1' }) +
        journalLine(headerRecord('h2', 'b.tif', 2)) +
        journalLine({ cancel: 'h2' }) +
        journalLine(headerRecord('torn', 'c.tif', 3)).slice(0, 40),
    );
    const lines = await headerLinesOf(file, path.join(base, 'lab'));
    expect(lines.headers.map((record) => record.id)).toEqual(['h1']);
    expect(lines.cancelled).toEqual(['s1', 'h2']);
  });
});
