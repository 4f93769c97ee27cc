/**
 * The review of a restore from the change journal (pure), before anything changes: for "Undo
 * this action", the fields that go back and the contested ones (a later action changed them
 * again), each with both values; for "Restore to before this", every later change it takes back.
 */
import {
  restoresOf,
  takenBackBy,
  takingBack,
  undoOf,
  type ContestedField,
  type JournalRecord,
  type RestoreChanges,
  type TakenBack,
  type UndoChanges,
} from '../../../shared/journal';

/** The two operations: undo one action alone, or go back to the point in time before it. */
export type RestoreMode = 'undo' | 'before';

/** A contested field of one image, and its key for the review's choice. */
export interface ContestedChoice extends ContestedField {
  path: string;
  key: string;
}

/** What a restore will change, shown before it does. */
export interface RestoreReview {
  mode: RestoreMode;
  /** The action undone or gone back before, as the timeline names it. */
  action: string;
  /** The undo step's name. */
  step: string;
  /** What each image gets (for `undo`, without the contested fields). */
  restores: RestoreChanges[];
  /** `undo`: the fields a later action changed again. */
  contested: ContestedChoice[];
  /** `before`: every later change it takes back. */
  takenBack: TakenBack[];
}

/** The key of a contested field in the review's choice. */
const keyOf = (path: string, field: string) => `${path}\u0000${field}`;

/**
 * The review of restoring `id` (a record or a batch) over `records` (the images it wrote, all
 * their records, oldest first); `field` limits it to one field. Null when the id is not there.
 */
export function restoreReview(
  records: readonly JournalRecord[],
  id: string,
  mode: RestoreMode,
  names: { action: string; field?: string },
): RestoreReview | null {
  const { action, field } = names;
  const step = mode === 'undo' ? `Undo of “${action}”` : `Restore before “${action}”`;
  if (mode === 'before') {
    const restores = restoresOf(records, id, field);
    return restores && { mode, action, step, restores, contested: [], takenBack: takenBackBy(records, id, field) };
  }
  const undos = undoOf(records, id, field);
  if (undos === null) return null;
  const contested = undos.flatMap((u) => u.contested.map((c) => ({ ...c, path: u.path, key: keyOf(u.path, c.field) })));
  return { mode, action, step, restores: undos, contested, takenBack: [] };
}

/** The restores of `review` with the contested fields whose keys are in `taken` taken back too. */
export function chosenRestores(review: RestoreReview, taken: ReadonlySet<string>): RestoreChanges[] {
  if (review.mode === 'before') return review.restores;
  return (review.restores as UndoChanges[]).map((undo) => {
    const fields = new Set(undo.contested.map((c) => c.field).filter((f) => taken.has(keyOf(undo.path, f))));
    return takingBack(undo, fields);
  });
}
