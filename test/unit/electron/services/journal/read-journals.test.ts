/**
 * Reading a folder's change journal back (issue 30): the journals at the folder (never above
 * it: issue 46), in its (not hidden) subfolders, and their stand-ins in the settings folder;
 * paths made relative to the folder asked about, only its images, oldest first; unreadable
 * lines named; hostile files (too large, FIFOs, links out of the folder) left out and named.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderJournalReader, readFolderJournal, settingsJournalDir } from '../../../../../electron/services/journal';
import {
  MAX_JOURNAL_FILE_BYTES,
  MAX_JOURNAL_FILE_LINES,
  MAX_JOURNAL_LINE_BYTES,
} from '../../../../../electron/services/journal/journal-file';
import { journalLine, OUTSIDE_ACTION, OUTSIDE_TOOL, type JournalRecord } from '../../../../../shared/journal';

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
  it('reads the journals of the folder and its subfolders, paths relative to the folder, only its images, oldest first', async () => {
    const top = path.join(base, 'top');
    const exp = path.join(top, 'exp');
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

    const journal = await readFolderJournal(top, configDir);
    expect(journal.problems).toEqual([]);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([
      ['t2', 'other/b.tif'],
      ['s1', 'exp/day1/cells/c.tif'],
      ['t1', 'exp/a.tif'],
      ['s2', 'exp/day1/cells/c.tif'],
      ['e1', 'exp/b.tif'],
    ]);
    // the rest of each record as the journal keeps it
    expect(journal.records[2]).toEqual({ ...rec('t1', 'exp/a.tif', 3) });

    // asked about exp/, only exp/'s journals: top/'s is above it, named
    const below = await readFolderJournal(exp, configDir);
    expect(below.problems).toEqual([
      `the journal ${journalOf('top')} is above ${exp} and not read; open (or name) that folder to read it`,
    ]);
    expect(below.records.map((r) => [r.id, r.path])).toEqual([
      ['s1', 'day1/cells/c.tif'],
      ['s2', 'day1/cells/c.tif'],
      ['e1', 'b.tif'],
    ]);
  });

  it('reads the settings stand-in of the folder (a folder that could not be written)', async () => {
    const exp = path.join(base, 'exp');
    mkdirSync(exp);
    journalFile(settingsJournalDir(configDir, exp), 'pc-1-a-1.jsonl', lines(rec('f1', 'a.tif', 1)));
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([['f1', 'a.tif']]);
  });

  it('does not read a journal or settings stand-in above the folder (records planted there are not taken), but names them', async () => {
    const top = path.join(base, 'top');
    const exp = path.join(top, 'exp');
    mkdirSync(exp, { recursive: true });
    journalFile(settingsJournalDir(configDir, top), 'pc-1-a-1.jsonl', lines(rec('f1', 'exp/a.tif', 1)));
    journalFile(journalOf('top'), 'pc-2-a-1.jsonl', lines(rec('p1', 'exp/a.tif', 2)));
    const above = (journal: string) =>
      `the journal ${journal} is above ${exp} and not read; open (or name) that folder to read it`;
    expect(await readFolderJournal(exp, configDir)).toEqual({
      records: [],
      problems: [above(journalOf('top')), above(settingsJournalDir(configDir, top))],
    });
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

  it('keeps one of the records two apps made of the same outside change', async () => {
    const exp = path.join(base, 'exp');
    const outside = (id: string, second: number, after: string): JournalRecord => ({
      ...rec(id, 'a.tif', second),
      tool: OUTSIDE_TOOL,
      action: OUTSIDE_ACTION,
      after: { size: 2, mtime: 2, sha256: after },
    });
    journalFile(journalOf('exp'), 'pc-1-a-1.jsonl', lines(outside('o1', 1, 'b'), outside('o3', 3, 'c')));
    journalFile(journalOf('exp'), 'mac-2-a-1.jsonl', lines(outside('o2', 2, 'b')));
    const journal = await readFolderJournal(exp, configDir);
    expect(journal.records.map((r) => r.id)).toEqual(['o1', 'o3']);
  });

  it('kept open, reads on: a file compressed meanwhile once, a journal made in a subfolder since', async () => {
    const exp = path.join(base, 'exp');
    const plain = journalFile(journalOf('exp'), 'pc-1-a-0001.jsonl', lines(rec('r1', 'a.tif', 1)));
    const reader = new FolderJournalReader(exp, configDir);
    expect((await reader.read()).records.map((r) => r.id)).toEqual(['r1']);
    // the writer closes its file: compressed, the plain one removed, and the next started
    writeFileSync(`${plain}.gz`, gzipSync(readFileSync(plain)));
    rmSync(plain);
    journalFile(journalOf('exp'), 'pc-1-a-0002.jsonl', lines(rec('r2', 'a.tif', 2)));
    journalFile(journalOf('exp/day1'), 'pc-2-a-0001.jsonl', lines(rec('r3', 'b.tif', 3)));
    const journal = await reader.read();
    expect(journal.records.map((r) => [r.id, r.path])).toEqual([
      ['r1', 'a.tif'],
      ['r2', 'a.tif'],
      ['r3', 'day1/b.tif'],
    ]);
    expect(journal.problems).toEqual([]);
  });

  it('is empty, with no problems, for a folder without any journal', async () => {
    const exp = path.join(base, 'exp');
    mkdirSync(exp);
    expect(await readFolderJournal(exp, configDir)).toEqual({ records: [], problems: [] });
  });

  describe('hostile journal files', () => {
    const exp = () => path.join(base, 'exp');
    /** A good journal file beside the hostile one: it must still be read. */
    const goodFile = () => journalFile(journalOf('exp'), 'pc-0-a-1.jsonl', lines(rec('g1', 'a.tif', 1)));

    it('leaves out a compressed file that unpacks past the size limit, named once', async () => {
      goodFile();
      const bomb = journalFile(journalOf('exp'), 'pc-1-a-1.jsonl.gz', '');
      const line = lines(rec('b1', 'a.tif', 2));
      writeFileSync(bomb, gzipSync(line.repeat(Math.ceil(MAX_JOURNAL_FILE_BYTES / line.length) + 1)));
      expect(await readFolderJournal(exp(), configDir)).toEqual({
        records: [rec('g1', 'a.tif', 1)],
        problems: [`journal file ${bomb} is too large (over 8 MiB unpacked); left out`],
      });
    });

    it('leaves out a file with a line past the line limit or with too many lines', async () => {
      goodFile();
      const long = journalFile(journalOf('exp'), 'pc-1-a-1.jsonl', `${'x'.repeat(MAX_JOURNAL_LINE_BYTES + 1)}\n`);
      const many = journalFile(journalOf('exp'), 'pc-2-a-1.jsonl', '\n'.repeat(MAX_JOURNAL_FILE_LINES + 1));
      expect(await readFolderJournal(exp(), configDir)).toEqual({
        records: [rec('g1', 'a.tif', 1)],
        problems: [
          `journal file ${long} has a line over 1 MiB; left out`,
          `journal file ${many} has over ${MAX_JOURNAL_FILE_LINES} lines; left out`,
        ],
      });
    });

    it.runIf(process.platform !== 'win32')('leaves out a FIFO without waiting on it, also in a subfolder', async () => {
      goodFile();
      const fifo = path.join(journalOf('exp'), 'pc-1-a-1.jsonl');
      execFileSync('mkfifo', [fifo]);
      mkdirSync(journalOf('exp/day1'), { recursive: true });
      const deeper = path.join(journalOf('exp/day1'), 'pc-2-a-1.jsonl.gz');
      execFileSync('mkfifo', [deeper]);
      expect(await readFolderJournal(exp(), configDir)).toEqual({
        records: [rec('g1', 'a.tif', 1)],
        problems: [
          `journal file ${fifo} is not a regular file; left out`,
          `journal file ${deeper} is not a regular file; left out`,
        ],
      });
    });

    it.runIf(process.platform !== 'win32')(
      'leaves out links out of the folder (a planted file, a device), reads one inside it',
      async () => {
        goodFile();
        const planted = journalFile(path.join(base, 'elsewhere'), 'planted.jsonl', lines(rec('x1', 'a.tif', 2)));
        const outward = path.join(journalOf('exp'), 'pc-1-a-1.jsonl');
        symlinkSync(planted, outward);
        const device = path.join(journalOf('exp'), 'pc-2-a-1.jsonl.gz');
        symlinkSync('/dev/zero', device);
        const kept = journalFile(path.join(exp(), 'kept'), 'records.txt', lines(rec('k1', 'a.tif', 3)));
        symlinkSync(kept, path.join(journalOf('exp'), 'pc-3-a-1.jsonl'));
        expect(await readFolderJournal(exp(), configDir)).toEqual({
          records: [rec('g1', 'a.tif', 1), rec('k1', 'a.tif', 3)],
          problems: [
            `journal file ${outward} is a link out of ${exp()}; left out`,
            `journal file ${device} is a link out of ${exp()}; left out`,
          ],
        });
      },
    );

    it('names a damaged compressed file and still reads the rest', async () => {
      goodFile();
      const damaged = journalFile(journalOf('exp'), 'pc-1-a-1.jsonl.gz', '');
      writeFileSync(damaged, gzipSync(lines(rec('d1', 'a.tif', 2))).subarray(0, 20));
      const journal = await readFolderJournal(exp(), configDir);
      expect(journal.records).toEqual([rec('g1', 'a.tif', 1)]);
      expect(journal.problems).toEqual([
        expect.stringMatching(/^journal file .*pc-1-a-1\.jsonl\.gz could not be read \(.+\); left out$/),
      ]);
    });
  });
});
