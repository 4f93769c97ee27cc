/**
 * The change journal's lines (issue 30): reading a journal file back whatever happened to it
 * (a line cut short by a crash, a damaged line, blank lines, records taken back by a cancel
 * line, a record whose path leads elsewhere), and the changes a write's record lists.
 */
import { describe, expect, it } from 'vitest';
import { journalChanges, journalLine, parseJournal, type JournalRecord } from '../../../../shared/journal';

/** A record of `path` with id `id` (batch `b1` unless given). */
function record(id: string, path = 'cells/a.tif', batch = 'b1'): JournalRecord {
  return {
    id,
    batch,
    time: '2026-01-02T03:04:05.000Z',
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'set --set genotype=Thy1',
    path,
    changes: [{ field: 'genotype', old: 'WT', new: 'Thy1' }],
    before: { size: 10, mtime: 1000, sha256: 'a'.repeat(64) },
    after: { size: 12, mtime: 2000, sha256: 'b'.repeat(64) },
  };
}

describe('parseJournal', () => {
  it('reads every record of a whole file, in file order, with nothing unreadable', () => {
    const text = journalLine(record('r1')) + journalLine(record('r2', 'b.tif')) + journalLine(record('r3'));
    const parsed = parseJournal(text);
    expect(parsed.records).toEqual([record('r1'), record('r2', 'b.tif'), record('r3')]);
    expect(parsed.unreadable).toEqual([]);
    expect(parsed.torn).toBe(false);
  });

  it('writes one line per entry, ending in a newline, that reads back as the same record', () => {
    const line = journalLine(record('r1'));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(record('r1'));
  });

  it('keeps the records before a last line cut short by a crash and reports that line as torn', () => {
    const whole = journalLine(record('r1')) + journalLine(record('r2'));
    const cut = journalLine(record('r3')).slice(0, 57);
    const parsed = parseJournal(whole + cut);
    expect(parsed.records.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(parsed.torn).toBe(true);
    expect(parsed.unreadable).toEqual([3]);
  });

  it('skips a damaged line in the middle, counts it by its line number, and is not torn', () => {
    const text =
      journalLine(record('r1')) +
      '{"id":"r2","batch":"b1","ti\n' +
      journalLine(record('r3')) +
      'not json at all\n' +
      journalLine(record('r4'));
    const parsed = parseJournal(text);
    expect(parsed.records.map((r) => r.id)).toEqual(['r1', 'r3', 'r4']);
    expect(parsed.unreadable).toEqual([2, 4]);
    expect(parsed.torn).toBe(false);
  });

  it('counts a line of JSON that is not a record (a field of the wrong kind) as unreadable', () => {
    const noChanges = { ...record('r2'), changes: 'genotype' };
    const badVersion = { ...record('r3'), after: { size: '12', mtime: 2000, sha256: 'b' } };
    const text = journalLine(record('r1')) + `${JSON.stringify(noChanges)}\n${JSON.stringify(badVersion)}\n42\nnull\n`;
    const parsed = parseJournal(text);
    expect(parsed.records.map((r) => r.id)).toEqual(['r1']);
    expect(parsed.unreadable).toEqual([2, 3, 4, 5]);
  });

  it('drops a record taken back by a later cancel line, and only that one', () => {
    const text =
      journalLine(record('r1')) + journalLine(record('r2')) + journalLine(record('r3')) + journalLine({ cancel: 'r2' });
    const parsed = parseJournal(text);
    expect(parsed.records.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(parsed.unreadable).toEqual([]);
  });

  it('keeps a record that has null versions (a sidecar created) and a record with an added field', () => {
    const created: JournalRecord = {
      ...record('r1'),
      before: null,
      changes: [{ field: 'age', old: null, new: 'P30', added: true }],
    };
    expect(parseJournal(journalLine(created)).records).toEqual([created]);
  });

  it('ignores blank lines, counting lines as they are in the file', () => {
    const text = `\n${journalLine(record('r1'))}   \n\n${journalLine(record('r2'))}garbage\n`;
    const parsed = parseJournal(text);
    expect(parsed.records.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(parsed.unreadable).toEqual([6]);
    expect(parsed.torn).toBe(false);
  });

  it('takes no record whose path is not a plain relative path below its journal: its line is unreadable', () => {
    const bad = [
      '',
      '.',
      '/abs/a.tif',
      'C:/a.tif',
      '..',
      '../a.tif',
      'x/../a.tif',
      './a.tif',
      'x//a.tif',
      'x/',
      'x\\a.tif',
      'a\0.tif',
    ];
    const text = bad.map((p, i) => journalLine(record(`bad${i}`, p))).join('') + journalLine(record('good', 'x/a.tif'));
    const parsed = parseJournal(text);
    expect(parsed.records.map((r) => r.id)).toEqual(['good']);
    expect(parsed.unreadable).toEqual(bad.map((_, i) => i + 1));
  });

  it('reads an empty file as no records and nothing unreadable', () => {
    expect(parseJournal('')).toMatchObject({ records: [], unreadable: [], torn: false });
  });
});

describe('journalChanges', () => {
  it('lists the fields whose values differ, in the order of the values after, old and new', () => {
    const before = { genotype: 'WT', age: 'P30', depth: 75, note: 'x' };
    const after = { depth: 80, genotype: 'Thy1', age: 'P30', note: 'x' };
    expect(journalChanges(before, after)).toEqual([
      { field: 'depth', old: 75, new: 80 },
      { field: 'genotype', old: 'WT', new: 'Thy1' },
    ]);
  });

  it('flags a field whose key the file lacked as added, and only that one', () => {
    const before = { genotype: 'WT', age: '' };
    const after = { genotype: 'Thy1', age: 'P30' };
    expect(journalChanges(before, after, ['age'])).toEqual([
      { field: 'genotype', old: 'WT', new: 'Thy1' },
      { field: 'age', old: '', new: 'P30', added: true },
    ]);
  });

  it('does not list a field whose key was absent but whose value stays the same', () => {
    expect(journalChanges({ age: '' }, { age: '' }, ['age'])).toEqual([]);
  });

  it('takes a field missing from the values before as null', () => {
    expect(journalChanges({}, { depth: 12 })).toEqual([{ field: 'depth', old: null, new: 12 }]);
  });
});
