/**
 * Undoing one action (issue 45, item 2): only the fields it changed go back, later edits of
 * other fields stay, a field a later record changed again is contested; a restore to a point in
 * time lists what it takes back. Undoing a creation removes the sidecar (item 3), and an action
 * that created sidecars is named for it.
 */
import { describe, expect, it } from 'vitest';
import type { JournalChange, JournalRecord } from '../../../../shared/journal';
import { actionName, restoreBefore, takenBackBy, takingBack, undoOf } from '../../../../shared/journal';

let clock = 0;

/** A record of `path` in `batch` with `changes`; `created`: the write made the sidecar. */
function rec(id: string, batch: string, path: string, action: string, changes: JournalChange[], created = false) {
  clock += 1000;
  const record: JournalRecord = {
    id,
    batch,
    time: new Date(Date.UTC(2026, 0, 1) + clock).toISOString(),
    user: 'ana',
    host: 'lab-pc',
    tool: 'AcqMeta',
    action,
    path,
    changes,
    before: created ? null : { size: 1, mtime: clock, sha256: `${id}-before` },
    after: { size: 2, mtime: clock + 1, sha256: `${id}-after` },
  };
  return record;
}

// b1 sets Condition and Species on a and b; later, b2 types a Note on a, b3 changes b's Species.
const a1 = rec('a1', 'b1', 'a.tif', 'Condition; Species', [
  { field: 'condition', old: 'ctrl', new: 'drug' },
  { field: 'species', old: null, new: 'mouse', added: true },
]);
const b1 = rec('b1r', 'b1', 'b.tif', 'Condition; Species', [
  { field: 'condition', old: 'ctrl', new: 'drug' },
  { field: 'species', old: 'rat', new: 'mouse' },
]);
const a2 = rec('a2', 'b2', 'a.tif', 'Note', [{ field: 'note', old: '', new: 'bleached' }]);
const b3 = rec('b3r', 'b3', 'b.tif', 'Species', [{ field: 'species', old: 'mouse', new: 'human' }]);
const all = [a1, b1, a2, b3];

describe('undoOf', () => {
  it('puts back only the fields the batch changed: a later Note stays', () => {
    const [a, b] = undoOf(all, 'b1') ?? [];
    expect({ values: { ...a?.values }, remove: a?.remove, contested: a?.contested }).toEqual({
      values: { condition: 'ctrl' },
      remove: ['species'],
      contested: [],
    });
    expect({ ...b?.values }).toEqual({ condition: 'ctrl' });
    expect(b?.contested).toEqual([
      { field: 'species', before: 'rat', added: false, now: 'human', laterAction: 'Species', laterId: 'b3r' },
    ]);
    expect(b?.latest).toBe(b3);
  });

  it('takes a contested field back only when asked', () => {
    const b = (undoOf(all, 'b1') ?? [])[1];
    if (b === undefined) throw new Error('no undo of b');
    const taken = takingBack(b, new Set(['species']));
    expect({ ...taken.values }).toEqual({ condition: 'ctrl', species: 'rat' });
    expect(taken.contested).toEqual([]);
  });

  it('limits it to one field, and knows no unknown id', () => {
    expect((undoOf(all, 'b1', 'condition') ?? []).map((u) => ({ ...u.values }))).toEqual([
      { condition: 'ctrl' },
      { condition: 'ctrl' },
    ]);
    expect(undoOf(all, 'nope')).toBeNull();
  });

  it('removes a sidecar it created, every later change of it contested', () => {
    const c1 = rec('c1', 'bc', 'c.tif', 'Save', [{ field: 'pixelSize', old: null, new: 0.2 }], true);
    const c2 = rec('c2', 'bn', 'c.tif', 'Note', [{ field: 'note', old: '', new: 'x' }]);
    const [undo] = undoOf([c1, c2], 'bc') ?? [];
    expect(undo?.removeSidecar).toBe(true);
    expect(undo?.contested.map((c) => [c.field, c.now, c.laterAction])).toEqual([['note', 'x', 'Note']]);
    expect(takingBack(undo as NonNullable<typeof undo>, new Set(['note'])).contested).toEqual([]);
    expect(undoOf([c1], 'bc')?.[0]?.contested).toEqual([]);
  });
});

describe('restoring to before a creation', () => {
  it('removes the sidecar instead of writing the defaults', () => {
    const c1 = rec('c1', 'bc', 'c.tif', 'Save', [{ field: 'pixelSize', old: null, new: 0.2 }], true);
    expect(restoreBefore([c1], c1)).toMatchObject({ removeSidecar: true, remove: [] });
    expect({ ...restoreBefore([c1], c1)?.values }).toEqual({});
  });
});

describe('takenBackBy', () => {
  it('lists every later change a restore to before the batch takes back, by image, field and action', () => {
    expect(takenBackBy(all, 'b1')).toEqual([
      { path: 'a.tif', field: 'note', action: 'Note', time: a2.time, old: '', new: 'bleached' },
      { path: 'b.tif', field: 'species', action: 'Species', time: b3.time, old: 'mouse', new: 'human' },
    ]);
    expect(takenBackBy(all, 'b1', 'condition')).toEqual([]);
  });
});

describe('actionName', () => {
  it('names a write that created sidecars for it', () => {
    const created = (n: number) => Array.from({ length: n }, () => ({ action: 'Save', before: null }));
    const edited = (n: number) => Array.from({ length: n }, () => ({ action: 'Save', before: a1.before }));
    expect(actionName(created(4))).toBe('Create 4 sidecars');
    expect(actionName(created(1))).toBe('Create 1 sidecar');
    expect(actionName([...created(2), ...edited(3)])).toBe('Create 2 sidecars, edit 3');
    expect(actionName([a1, b1, a2])).toBe('Condition; Species · Note');
  });
});
