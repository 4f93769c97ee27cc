/**
 * What is wrong with an image now (pure): the problems the lab profile finds in its values as
 * they are (checked by the backend as the user types, else as scanned), its read errors and
 * the values typed that cannot be saved. An image is ready when there is none.
 */
import type { ImageRow, ProfileProblem } from '../../../../shared/api';
import type { FieldValues } from '../../../../shared/fields/field-table';
import { blocksSaving } from '../../../../shared/profile';
import { isChange, type PathEdits } from './edit-logic';

/** Problems the profile finds in the values of edited images as they are, by path. */
export type LiveProblems = Readonly<Record<string, readonly ProfileProblem[]>>;

const NONE: readonly ProfileProblem[] = [];

/** The profile's problems with an image as it is now: as checked while editing, else as scanned. */
export function problemsNow(row: ImageRow, live: LiveProblems): readonly ProfileProblem[] {
  return live[row.path] ?? row.profileProblems ?? NONE;
}

/** The pending values that can be saved as typed (what the backend checks). */
export function validEditValues(edits: PathEdits): FieldValues {
  const values: FieldValues = {};
  for (const [name, edit] of Object.entries(edits)) if (edit.error === null) values[name] = edit.value;
  return values;
}

/**
 * The problems to show for edited values: a field whose text cannot be stored shows its
 * format message instead, and an invalid sidecar's own problems are the row's errors already.
 */
export function shownLiveProblems(problems: readonly ProfileProblem[], edits: PathEdits): ProfileProblem[] {
  return problems.filter(
    (p) => p.rule !== 'sidecar' && p.rule !== 'field-table' && (p.field === null || edits[p.field]?.error == null),
  );
}

/** Every reason an image is not ready, in words: read errors, values that cannot be saved, the profile's problems. */
export function problemMessages(row: ImageRow, edits: PathEdits | undefined, live: LiveProblems): string[] {
  const typed = Object.values(edits ?? {}).flatMap((e) => (e.error === null ? [] : [e.error]));
  return [...row.errors, ...typed, ...problemsNow(row, live).map((p) => p.message)];
}

/** How many reasons an image is not ready (see {@link problemMessages}). */
export function problemCount(row: ImageRow, edits: PathEdits | undefined, live: LiveProblems): number {
  let typed = 0;
  for (const edit of Object.values(edits ?? {})) if (edit.error !== null) typed++;
  return row.errors.length + typed + problemsNow(row, live).length;
}

/** Whether an image lacks or breaks field `name` now: empty, a value that cannot be saved, or a profile problem about it. */
export function lacksField(row: ImageRow, edits: PathEdits | undefined, live: LiveProblems, name: string): boolean {
  const edit = edits?.[name];
  if (edit?.error != null) return true;
  const value = edit === undefined ? row.values[name] : edit.value;
  return value === null || value === '' || value === undefined || problemsNow(row, live).some((p) => p.field === name);
}

/**
 * The profile problems that hold an image's save back: those about a field it changes that
 * break a closed vocabulary, a pattern, a format or a range (the rule of `acqmeta set`).
 */
export function savingRefusals(row: ImageRow, edits: PathEdits, live: LiveProblems): ProfileProblem[] {
  const changed = new Set(Object.keys(edits).filter((name) => isChange(edits[name]!, row.values[name])));
  return (live[row.path] ?? NONE).filter((problem) => blocksSaving(problem, changed));
}
