/** Pure rules of pending edits: what the user typed, what it parses to, whether it changes anything. */
import type { ImageRow } from '../../../../shared/api';
import { editableField, type FieldValue, type FieldValues } from '../../../../shared/fields/field-table';
import { parseFieldInput, validateFieldValue } from '../../../../shared/validation';
import { formatFieldValue } from '../../../../shared/columns';

/**
 * Whether an image's sidecar may be edited: not when it is corrupt or of another version, nor
 * when there is none and the image header cannot be read (a new sidecar needs the header).
 */
export function isEditable(row: ImageRow): boolean {
  return row.sidecar === 'ok' || (row.sidecar === 'missing' && row.header !== null);
}

/** One field's pending edit: the text as typed and, when it parses, the value to store. */
export interface PendingEdit {
  text: string;
  /** The parsed value; meaningful only when `error` is null. */
  value: FieldValue;
  /** Why the text cannot be stored, for the message under the field. */
  error: string | null;
  /**
   * The file lacked this field's key (older CloudScope files lack `age`): saving takes the key
   * out again, so undoing the setting of such a field gives the file its own bytes back.
   */
  absent?: true;
}

/** Pending edits of one image, by field name. */
export type PathEdits = Readonly<Record<string, PendingEdit>>;

/** Pending edits by image path. */
export type EditMap = Readonly<Record<string, PathEdits>>;

/**
 * Makes the edits for typed `text` in field `name`: for each stored value, the edit, or null
 * when the text is exactly what is stored. The text is parsed once, however many images.
 */
export function editMaker(name: string, text: string): (stored: FieldValue | undefined) => PendingEdit | null {
  let parsed: ReturnType<typeof parseFieldInput> | null = null;
  return (stored) => {
    if (text === formatFieldValue(stored)) return null;
    parsed ??= parseFieldInput(name, text);
    return parsed.ok
      ? { text, value: parsed.value, error: null }
      : { text, value: stored ?? null, error: parsed.message };
  };
}

/** The edit that stores `value` in field `name`, or null when it is what is stored. */
export function valueEdit(name: string, value: FieldValue, stored: FieldValue | undefined): PendingEdit | null {
  if (value === (stored ?? null)) return null;
  return { text: formatFieldValue(value), value, error: validateFieldValue(name, value) };
}

/** The edit that makes a field show `shown` again, or null when that is what is stored (key absent or not, alike). */
export function restoredEdit(
  shown: PendingEdit,
  stored: FieldValue | undefined,
  storedAbsent: boolean,
): PendingEdit | null {
  return shown.error === null && shown.value === (stored ?? null) && (shown.absent === true) === storedAbsent
    ? null
    : shown;
}

/**
 * The edit that takes field `name`'s key out of the file again (a restore of a key the file
 * lacked): the field shows its default, as a file without the key does. Null when the key is
 * absent already.
 */
export function absentEdit(name: string, storedAbsent: boolean): PendingEdit | null {
  if (storedAbsent) return null;
  const value = editableField(name)?.default ?? null;
  return { text: formatFieldValue(value), value, error: null, absent: true };
}

/** Whether a row's sidecar lacks the key of field `name`. */
export function isAbsent(row: ImageRow, name: string): boolean {
  return row.absentFields?.includes(name) === true;
}

/** Whether an edit changes the stored value (an invalid edit always counts: it must be fixed). */
export function isChange(edit: PendingEdit, stored: FieldValue | undefined): boolean {
  return edit.error !== null || edit.value !== (stored ?? null);
}

/** Whether a row has edits that change something. */
export function rowHasChanges(row: ImageRow, edits: PathEdits | undefined): boolean {
  if (!edits) return false;
  return Object.entries(edits).some(([name, edit]) => isChange(edit, row.values[name]));
}

/** The valid changed values of a row, ready for `saveSidecars`. */
export function changesOf(row: ImageRow, edits: PathEdits | undefined): FieldValues {
  const changes: FieldValues = {};
  for (const [name, edit] of Object.entries(edits ?? {})) {
    if (edit.error === null && isChange(edit, row.values[name])) changes[name] = edit.value;
  }
  return changes;
}

/** Number of edits that cannot be stored as typed. */
export function invalidEditCount(edits: EditMap): number {
  let count = 0;
  for (const pathEdits of Object.values(edits)) {
    for (const edit of Object.values(pathEdits)) if (edit.error !== null) count++;
  }
  return count;
}

/** One field's new edit for one image; null removes the edit. */
export interface EditUpdate {
  path: string;
  name: string;
  edit: PendingEdit | null;
}

/** Returns `edits` with the updates applied, copying the map once (or returning it when nothing changes). */
export function applyEdits(edits: EditMap, updates: Iterable<EditUpdate>): EditMap {
  let next: Record<string, PathEdits> | null = null;
  for (const { path, name, edit } of updates) {
    const current = (next ?? edits)[path];
    if (edit === null && !(current && name in current)) continue;
    next ??= { ...edits };
    if (edit !== null) {
      next[path] = { ...current, [name]: edit };
      continue;
    }
    const { [name]: _removed, ...rest } = current!;
    if (Object.keys(rest).length === 0) delete next[path];
    else next[path] = rest;
  }
  return next ?? edits;
}
