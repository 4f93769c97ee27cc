/**
 * What `acqmeta restore` says before it writes: the later changes a restore to a point in time
 * takes back, and the contested fields an undo leaves as they are.
 */
import { editableField, type FieldValue } from '../../../shared/fields/field-table';
import type { TakenBack, UndoChanges } from '../../../shared/journal';
import { describeStored } from '../row-format';

/** `Species: "mouse" → "human"`. */
function valueChange(field: string, old: FieldValue, now: FieldValue): string {
  const spec = editableField(field);
  return `${spec?.displayName ?? field}: ${describeStored(old, spec)} → ${describeStored(now, spec)}`;
}

/** One line per later change taken back: `takes back exp/b.tif: Species: "mouse" → "human" (by “Species”, <time>)`. */
export function takenBackLines(taken: readonly TakenBack[], shownPath: (path: string) => string): string[] {
  return taken.map(
    (t) => `takes back ${shownPath(t.path)}: ${valueChange(t.field, t.old, t.new)} (by “${t.action}”, ${t.time})`,
  );
}

/**
 * One line per contested field an undo leaves as it is: its value now, the later action that
 * wrote it and the value undoing would write; for a sidecar whose removal is contested, one line.
 */
export function contestedLines(undo: UndoChanges, shown: string): string[] {
  if (undo.contested.length === 0) return [];
  if (undo.removeSidecar === true) {
    const actions = [...new Set(undo.contested.map((c) => `“${c.laterAction}”`))].join(', ');
    return [`${shown}: not removed: later changes (${actions}) would be taken back too; --take-back-later removes it`];
  }
  return undo.contested.map((c) => {
    const spec = editableField(c.field);
    const name = spec?.displayName ?? c.field;
    const before = c.added ? '(no key)' : describeStored(c.before, spec);
    return `${shown}: ${name} not undone: now ${describeStored(c.now, spec)} (by “${c.laterAction}”), before it ${before}; --take-back-later writes it`;
  });
}
