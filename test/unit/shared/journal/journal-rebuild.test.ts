/**
 * Rebuilding a damaged sidecar from the change journal (issue 45): each field's last value the
 * journal knows, with the record it came from, over what a new sidecar holds from the header;
 * a value the journal holds that its field refuses is not taken.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import {
  parseJournal,
  rebuildFromJournal,
  sidecarDamageText,
  journalLine,
  type JournalChange,
  type JournalRecord,
} from '../../../../shared/journal';

const HEADER = {
  date: '2025-03-12',
  physical_unit_x: 0.5,
  physical_unit_y: 0.5,
  unit: 'um',
} as unknown as HeaderValues;

function record(id: string, changes: JournalChange[], extra: Partial<JournalRecord> = {}): JournalRecord {
  return {
    id,
    batch: `b-${id}`,
    time: `2026-01-02T03:0${id.length}:00.000Z`,
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: `set ${id}`,
    path: 'a.tif',
    changes,
    before: null,
    after: { size: 12, mtime: 2000, sha256: 'b'.repeat(64) },
    ...extra,
  };
}

describe('rebuildFromJournal', () => {
  it('takes each field’s last journaled value, naming its record, over a new sidecar’s values', () => {
    const first = record('r1', [
      { field: 'genotype', old: null, new: 'WT' },
      { field: 'depth', old: null, new: 85.5 },
    ]);
    const second = record('r2', [
      { field: 'genotype', old: 'WT', new: 'Thy1' },
      { field: 'species', old: 'rat', new: '' },
    ]);
    const damaged = record('r3', [], { tool: 'another program', damaged: 'the file is empty' });
    const plan = rebuildFromJournal([first, second, damaged], HEADER, null);
    expect(plan.changes).toEqual({ genotype: 'Thy1', depth: 85.5, species: '' });
    const line = (field: string) => plan.lines.find((l) => l.field === field);
    expect(line('genotype')).toEqual({ field: 'genotype', value: 'Thy1', from: second });
    expect(line('depth')).toEqual({ field: 'depth', value: 85.5, from: first });
    expect(line('species')).toEqual({ field: 'species', value: '', from: second });
    expect(line('accepted')).toEqual({ field: 'accepted', value: true, from: 'default' });
    expect(line('physical_unit_x')).toEqual({ field: 'physical_unit_x', value: 0.5, from: 'header' });
    // a field neither journaled nor holding a value in a new sidecar is not listed
    expect(line('age')).toBeUndefined();
  });

  it('leaves out a journaled value its field refuses, and a field that is not editable', () => {
    const hostile = record('r1', [
      { field: 'depth', old: null, new: 'deep' },
      { field: '__proto__', old: null, new: 'x' },
      { field: 'genotype', old: null, new: 'KO' },
    ]);
    const plan = rebuildFromJournal([hostile], HEADER, null);
    expect(plan.changes).toEqual({ genotype: 'KO' });
    expect(plan.lines.map((l) => l.field)).not.toContain('__proto__');
  });
});

describe('a change by another program that left the sidecar damaged or deleted', () => {
  it('reads back with its reason, says so in words, and a bad reason makes the line unreadable', () => {
    const damaged = record('r1', [], { damaged: 'not valid JSON: Unexpected end of JSON input' });
    const deleted = record('r2', [], { after: null, deleted: true });
    const parsed = parseJournal(journalLine(damaged) + journalLine(deleted));
    expect(parsed.records).toEqual([damaged, deleted]);
    expect(parsed.records.map(sidecarDamageText)).toEqual([
      'damaged: not valid JSON: Unexpected end of JSON input',
      'deleted',
    ]);
    expect(sidecarDamageText(record('r3', []))).toBeNull();
    const bad = `${JSON.stringify({ ...damaged, damaged: { html: 1 } })}\n`;
    expect(parseJournal(bad).unreadable).toEqual([1]);
  });
});
