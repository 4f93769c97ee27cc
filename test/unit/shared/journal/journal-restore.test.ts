/**
 * Going back with the change journal (issue 30): the values, and the keys to take out again,
 * that put images back to their state before a record or a batch, later records of the same
 * image undone too.
 */
import { describe, expect, it } from 'vitest';
import type { JournalChange, JournalRecord } from '../../../../shared/journal';
import { restoreBefore, restoresOf } from '../../../../shared/journal';

let clock = 0;

/** A record of `path` in `batch` with `changes` (each record one second after the one before). */
function rec(id: string, batch: string, path: string, changes: JournalChange[]): JournalRecord {
  clock += 1000;
  return {
    id,
    batch,
    time: new Date(Date.UTC(2026, 0, 1) + clock).toISOString(),
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'set',
    path,
    changes,
    before: { size: 1, mtime: clock, sha256: `${id}-before` },
    after: { size: 2, mtime: clock + 1, sha256: `${id}-after` },
  };
}

describe('restoreBefore', () => {
  // a.tif: genotype WT → Thy1 (r1), then age '' → P30 (age added) and genotype Thy1 → Cre (r2), then note (r3)
  const r1 = rec('r1', 'b1', 'a.tif', [{ field: 'genotype', old: 'WT', new: 'Thy1' }]);
  const r2 = rec('r2', 'b2', 'a.tif', [
    { field: 'age', old: '', new: 'P30', added: true },
    { field: 'genotype', old: 'Thy1', new: 'Cre' },
  ]);
  const r3 = rec('r3', 'b3', 'a.tif', [{ field: 'note', old: 'n0', new: 'n1' }]);
  const all = [r1, r2, r3];

  it('undoes the record and every later one: each field gets its value before the first of them', () => {
    expect(restoreBefore(all, r1)).toEqual({
      path: 'a.tif',
      values: { genotype: 'WT', note: 'n0' },
      remove: ['age'],
      latest: r3,
    });
  });

  it('leaves out what earlier records did', () => {
    expect(restoreBefore(all, r2)).toEqual({
      path: 'a.tif',
      values: { genotype: 'Thy1', note: 'n0' },
      remove: ['age'],
      latest: r3,
    });
    expect(restoreBefore(all, r3)).toEqual({ path: 'a.tif', values: { note: 'n0' }, remove: [], latest: r3 });
  });

  it('restores one field only when given one', () => {
    expect(restoreBefore(all, r1, 'genotype')).toEqual({
      path: 'a.tif',
      values: { genotype: 'WT' },
      remove: [],
      latest: r3,
    });
    expect(restoreBefore(all, r1, 'age')).toEqual({ path: 'a.tif', values: {}, remove: ['age'], latest: r3 });
  });

  it('gives back a value, not a removal, when the key was added after the record restored to', () => {
    // age added by r2, changed again by r4: restoring before r4 puts back P30, the key stays
    const r4 = rec('r4', 'b4', 'a.tif', [{ field: 'age', old: 'P30', new: 'P60' }]);
    expect(restoreBefore([...all, r4], r4)).toEqual({ path: 'a.tif', values: { age: 'P30' }, remove: [], latest: r4 });
  });

  it('keeps a field named __proto__ as a value of its own (the save refuses it as an unknown field)', () => {
    const hostile = rec('rp', 'bp', 'a.tif', [{ field: '__proto__', old: 'x', new: 'y' }]);
    const restore = restoreBefore([hostile], hostile);
    expect(restore === null ? null : Object.entries(restore.values)).toEqual([['__proto__', 'x']]);
  });

  it('is null when nothing would change (a field no record from there on changed) or the record is not listed', () => {
    expect(restoreBefore(all, r3, 'genotype')).toBeNull();
    const stranger = rec('rx', 'bx', 'a.tif', [{ field: 'sex', old: '', new: 'F' }]);
    expect(restoreBefore(all, stranger)).toBeNull();
  });
});

describe('restoresOf', () => {
  // batch B1 writes three images; batch B2 later writes two of them again; one image only by B2
  const b1 = [
    rec('x1', 'B1', 'm/c.tif', [{ field: 'genotype', old: 'WT', new: 'Thy1' }]),
    rec('x2', 'B1', 'a.tif', [{ field: 'genotype', old: 'KO', new: 'Thy1' }]),
    rec('x3', 'B1', 'b.tif', [{ field: 'genotype', old: '', new: 'Thy1', added: true }]),
  ];
  const b2 = [
    rec('y1', 'B2', 'a.tif', [
      { field: 'genotype', old: 'Thy1', new: 'Cre' },
      { field: 'age', old: 'P1', new: 'P2' },
    ]),
    rec('y2', 'B2', 'b.tif', [{ field: 'age', old: '', new: 'P2', added: true }]),
    rec('y3', 'B2', 'z.tif', [{ field: 'age', old: 'P9', new: 'P2' }]),
  ];
  const records = [...b1, ...b2];

  it('puts back every image a batch wrote, in path order, undoing the later batch on those images too', () => {
    expect(restoresOf(records, 'B1')).toEqual([
      { path: 'a.tif', values: { genotype: 'KO', age: 'P1' }, remove: [], latest: b2[0] },
      { path: 'b.tif', values: {}, remove: ['genotype', 'age'], latest: b2[1] },
      { path: 'm/c.tif', values: { genotype: 'WT' }, remove: [], latest: b1[0] },
    ]);
  });

  it('leaves images the batch did not write alone', () => {
    const paths = restoresOf(records, 'B1')?.map((r) => r.path);
    expect(paths).not.toContain('z.tif');
    expect(restoresOf(records, 'B2')?.map((r) => r.path)).toEqual(['a.tif', 'b.tif', 'z.tif']);
  });

  it('takes a record id as well as a batch id: that image only', () => {
    expect(restoresOf(records, 'x2')).toEqual([
      { path: 'a.tif', values: { genotype: 'KO', age: 'P1' }, remove: [], latest: b2[0] },
    ]);
  });

  it('restores one field only over the batch, leaving out images where nothing would change', () => {
    expect(restoresOf(records, 'B2', 'age')).toEqual([
      { path: 'a.tif', values: { age: 'P1' }, remove: [], latest: b2[0] },
      { path: 'b.tif', values: {}, remove: ['age'], latest: b2[1] },
      { path: 'z.tif', values: { age: 'P9' }, remove: [], latest: b2[2] },
    ]);
    expect(restoresOf(records, 'B1', 'genotype')?.map((r) => [r.path, r.values, r.remove])).toEqual([
      ['a.tif', { genotype: 'KO' }, []],
      ['b.tif', {}, ['genotype']],
      ['m/c.tif', { genotype: 'WT' }, []],
    ]);
  });

  it('is null for an id that is neither a record nor a batch', () => {
    expect(restoresOf(records, 'no-such-id')).toBeNull();
    expect(restoresOf([], 'B1')).toBeNull();
  });
});
