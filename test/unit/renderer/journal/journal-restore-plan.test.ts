import { describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../shared/api';
import { restoreBefore, restoresOf, takingBack, undoRecord } from '../../../../shared/journal';
import { restorePlan, skippedText } from '../../../../renderer/src/journal/journal-restore-plan';
import { makeRow } from '../store/fake-client';
import { journalRecord } from '../store/journal-records';

/** The record of the app creating the sidecar of a.tif (its `after` is `made`). */
const creation = () => ({
  ...journalRecord('a.tif', [{ field: 'pixelSize', old: null, new: 0.2 }], { afterSha: 'made' }),
  before: null,
});

describe('restore plan', () => {
  it('turns a restore into the values to store and the keys to take out again', () => {
    const first = journalRecord(
      'a.tif',
      [
        { field: 'genotype', old: 'WT', new: 'Thy1' },
        { field: 'age', old: '', new: 'P30', added: true },
      ],
      { batch: 'import' },
    );
    const later = journalRecord('a.tif', [{ field: 'genotype', old: 'Thy1', new: 'KO' }], { afterSha: 'now' });
    const restore = restoreBefore([first, later], first)!;
    const rows = {
      'a.tif': makeRow('a.tif', { genotype: 'KO', age: 'P30' }, { version: { size: 1, mtimeMs: 1, sha256: 'now' } }),
    };
    expect(restorePlan([restore], rows)).toEqual({
      inputs: [
        { path: 'a.tif', name: 'genotype', value: 'WT' },
        { path: 'a.tif', name: 'age', absent: true },
      ],
      removals: [],
      skipped: [],
    });
  });

  it('removes a created sidecar (issue 45) only while it holds what AcqMeta wrote, and no later change is kept', () => {
    const created = creation();
    const planOn = (row: Partial<ImageRow>) =>
      restorePlan([restoreBefore([created], created)!], { 'a.tif': makeRow('a.tif', {}, row) });
    const made = { size: 1, mtimeMs: 1, sha256: 'made' };
    expect(planOn({ version: made })).toEqual({
      inputs: [],
      removals: [{ path: 'a.tif', expected: made }],
      skipped: [],
    });
    expect(planOn({ version: { ...made, sha256: 'by CloudScope' } }).skipped).toEqual([
      { path: 'a.tif', why: 'changed-since' },
    ]);
    expect(planOn({ sidecar: 'missing', version: null })).toEqual({ inputs: [], removals: [], skipped: [] });

    const later = journalRecord('a.tif', [{ field: 'sex', old: 'F', new: 'M' }], { afterSha: 'later' });
    const rows = { 'a.tif': makeRow('a.tif', { sex: 'M' }, { version: { size: 1, mtimeMs: 4, sha256: 'later' } }) };
    const undo = undoRecord([created, later], created)!;
    const kept = restorePlan([undo], rows);
    expect(kept.skipped).toEqual([{ path: 'a.tif', why: 'changed-later' }]);
    expect(skippedText(kept.skipped)).toBe(
      'Not restored: a.tif (later actions changed it: take them back too to remove the sidecar).',
    );
    const taken = restorePlan([takingBack(undo, new Set(['sex']))], rows);
    expect(taken.removals).toEqual([{ path: 'a.tif', expected: rows['a.tif'].version }]);
  });

  it('leaves out images not listed, not editable, or changed on disk since their latest record', () => {
    const records = ['a.tif', 'b.tif', 'c.tif', 'd.tif'].map((path) =>
      journalRecord(path, [{ field: 'sex', old: 'F', new: 'M' }], { batch: 'bulk', afterSha: `w-${path}` }),
    );
    const restores = restoresOf(records, 'bulk')!;
    const version = (sha256: string) => ({ version: { size: 1, mtimeMs: 1, sha256 } });
    const rows = {
      'a.tif': makeRow('a.tif', { sex: 'M' }, version('w-a.tif')),
      'b.tif': makeRow('b.tif', { sex: 'M' }, { ...version('w-b.tif'), sidecar: 'invalid' }),
      'c.tif': makeRow('c.tif', { sex: 'F' }, version('edited elsewhere')),
    };
    const plan = restorePlan(restores, rows);
    expect(plan.inputs).toEqual([{ path: 'a.tif', name: 'sex', value: 'F' }]);
    expect(plan.skipped).toEqual([
      { path: 'b.tif', why: 'not-editable' },
      { path: 'c.tif', why: 'changed-since' },
      { path: 'd.tif', why: 'not-listed' },
    ]);
    expect(skippedText(plan.skipped)).toBe(
      'Not restored: b.tif (its sidecar cannot be edited); c.tif (changed on disk since its last journal record); d.tif (not in the table).',
    );
    expect(skippedText([...plan.skipped, { path: 'e.tif', why: 'not-listed' }])).toMatch(/; and 1 more\.$/);
  });

  it('restores an image whose latest write was cut short (its sidecar still holds what that write found)', () => {
    const done = journalRecord('a.tif', [{ field: 'sex', old: 'F', new: 'M' }], { batch: 'bulk', afterSha: 'm' });
    const killed = journalRecord('a.tif', [{ field: 'sex', old: 'M', new: 'X' }], {
      before: { size: 1, mtime: 1, sha256: 'm' },
      afterSha: 'never landed',
    });
    const rows = { 'a.tif': makeRow('a.tif', { sex: 'M' }, { version: { size: 1, mtimeMs: 9, sha256: 'm' } }) };
    const plan = restorePlan(restoresOf([done, killed], 'bulk')!, rows);
    expect(plan).toEqual({ inputs: [{ path: 'a.tif', name: 'sex', value: 'F' }], removals: [], skipped: [] });
  });
});
