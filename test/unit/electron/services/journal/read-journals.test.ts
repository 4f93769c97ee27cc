/**
 * Reading a folder's change journal back (issue 30): the journals at the folder and above it,
 * in its (not hidden) subfolders, and their stand-ins in the settings folder; paths made
 * relative to the folder asked about, only its images, oldest first; unreadable lines named.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFolderJournal, settingsJournalDir } from '../../../../../electron/services/journal';
import { journalLine, type JournalRecord } from '../../../../../shared/journal';

let base: string;
let configDir: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-read-journal-'));
  configDir = path.join(base, 'config');
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** A record of `recPath` (relative to its journal's folder) at second `second` of the day. */
function rec(id: string, recPath: string, second: number): JournalRecord {
  return {
    id,
    batch: 'b',
    time: `2026-03-04T10:00:${String(second).padStart(2, '0')}.000Z`,
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'set --set genotype=Thy1',
    path: recPath,
    changes: [{ field: 'genotype', old: 'WT', new: 'Thy1' }],
    before: { size: 1, mtime: 1, sha256: 'a' },
    after: { size: 2, mtime: 2, sha256: 'b' },
  };
}

/** Writes a journal file `name` into the journal folder `dir` (absolute) with `text`. */
function journalFile(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const journalOf = (rel: string) => path.join(base, rel, '.acqmeta', 'journal');
const lines = (...records: JournalRecord[]) => records.map((r) => journalLine(r)).join('');

describe('readFolderJournal', () => {
  it('reads journals above the folder and in its subfolders, paths relative to the folder, only its images, oldest first', async () => {
    const exp = path.join(base, 'top', 'exp');
    mkdirSync(exp, { recursive: true });
    // the journal of top/ (above the folder asked about): one image inside exp/, one outside it
    journalFile(journalOf('top'), 'pc-1-a-1.jsonl', lines(rec('t1', 'exp/a.tif', 3), rec('t2', 'other/b.tif', 1)));
    // the folder's own journal
    journalFile(journalOf('top/exp'), 'pc-2-a-1.jsonl', lines(rec('e1', 'b.tif', 5)));
    // a subfolder's journal (two files of one writer, after rotation)
    journalFile(journalOf('top/exp/day1/cells'), 'pc-3-a-1.jsonl', lines(rec('s1', 'c.tif', 2)));
    journalFile(journalOf('top/exp/day1/cells'), 'pc-3-a-2.jsonl', lines(rec('s2', 'c.tif', 4)));
    // a hidden subfolder is not entered; a file that is not .jsonl is not read
    journalFile(journalOf('top/exp/.trash'), 'pc-4-a-1.jsonl', lines(rec('h1', 'x.tif', 0)));
    journalFile(journalOf('top/exp'), 'notes.txt', lines(rec('n1', 'b.tif', 0)));

    const journal = await readFolderJournal(exp, configDir);
    expect(journal.problems).toEqual([]);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([
      ['s1', 'day1/cells/c.tif'],
      ['t1', 'a.tif'],
      ['s2', 'day1/cells/c.tif'],
      ['e1', 'b.tif'],
    ]);
    // the rest of each record as the journal keeps it
    expect(journal.records[1]).toEqual({ ...rec('t1', 'a.tif', 3) });
  });

  it('reads the settings stand-in of the folder (a folder that could not be written)', async () => {
    const exp = path.join(base, 'exp');
    mkdirSync(exp);
    journalFile(settingsJournalDir(configDir, exp), 'pc-1-a-1.jsonl', lines(rec('f1', 'a.tif', 1)));
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([['f1', 'a.tif']]);
  });

  it('reads the settings stand-in of a folder above, paths made relative to the folder asked about', async () => {
    const top = path.join(base, 'top');
    mkdirSync(path.join(top, 'exp'), { recursive: true });
    journalFile(settingsJournalDir(configDir, top), 'pc-1-a-1.jsonl', lines(rec('f1', 'exp/a.tif', 1)));
    const journal = await readFolderJournal(path.join(top, 'exp'), configDir);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([['f1', 'a.tif']]);
  });

  it('reads the settings stand-in of a subfolder with its own journal beside that journal', async () => {
    const exp = path.join(base, 'exp');
    const cells = path.join(exp, 'cells');
    journalFile(journalOf('exp/cells'), 'pc-1-a-1.jsonl', lines(rec('l1', 'a.tif', 1)));
    journalFile(settingsJournalDir(configDir, cells), 'pc-2-a-1.jsonl', lines(rec('f1', 'b.tif', 2)));
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([
      ['l1', 'cells/a.tif'],
      ['f1', 'cells/b.tif'],
    ]);
  });

  it('reads the settings stand-in of a subfolder that could not be written (it has no journal of its own)', async () => {
    // `acqmeta set exp/ro` on a read-only exp/ro journals into the settings folder; `acqmeta
    // log exp` must still show those writes.
    const exp = path.join(base, 'exp');
    const ro = path.join(exp, 'ro');
    mkdirSync(ro, { recursive: true });
    journalFile(settingsJournalDir(configDir, ro), 'pc-1-a-1.jsonl', lines(rec('f1', 'a.tif', 1)));
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([['f1', 'ro/a.tif']]);
  });

  it('names a last line cut short and a damaged line as problems, and keeps the records around them', async () => {
    const exp = path.join(base, 'exp');
    const whole = lines(rec('r1', 'a.tif', 1));
    const file = journalFile(
      journalOf('exp'),
      'pc-1-a-1.jsonl',
      `${whole}{broken}\n${lines(rec('r2', 'a.tif', 2))}${journalLine(rec('r3', 'a.tif', 3)).slice(0, 40)}`,
    );
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(journal.problems).toEqual([
      `${file}: line 2 could not be read`,
      `${file}: line 4 was cut short (a write interrupted)`,
    ]);
  });

  it('leaves out records cancelled in the file', async () => {
    const exp = path.join(base, 'exp');
    journalFile(
      journalOf('exp'),
      'pc-1-a-1.jsonl',
      lines(rec('r1', 'a.tif', 1), rec('r2', 'b.tif', 2)) + journalLine({ cancel: 'r1' }),
    );
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => r.id)).toEqual(['r2']);
  });

  it('is empty, with no problems, for a folder without any journal', async () => {
    const exp = path.join(base, 'exp');
    mkdirSync(exp);
    expect(await readFolderJournal(exp, configDir)).toEqual({ records: [], problems: [] });
  });
});
