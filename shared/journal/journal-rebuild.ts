/**
 * Rebuilding a damaged or deleted sidecar from the change journal: a new sidecar from the
 * image's header, with each field's last value the journal knows on top.
 */
import type { FileCalibration, HeaderValues } from '../image-header';
import { DEFAULT_FIELD_VALUES, EDITABLE_FIELDS, type FieldValue, type FieldValues } from '../fields/field-table';
import { newSidecarValues } from '../sidecar';
import { validateFieldValue } from '../validation';
import type { JournalRecord } from './journal-record';

/** One field of a rebuilt sidecar: its value and where it comes from (a record, the image's header, a new sidecar's default). */
export interface RebuildLine {
  field: string;
  value: FieldValue;
  from: JournalRecord | 'header' | 'default';
}

/** What a rebuild writes: the journal's values (the changes onto a new sidecar) and every value shown for review. */
export interface RebuildPlan {
  /** Each field's last value the journal knows: what the save writes over a new sidecar. */
  changes: FieldValues;
  /** The fields of the rebuilt sidecar that hold a value or come from the journal, in the editor's order. */
  lines: RebuildLine[];
}

/**
 * The rebuild of an image's sidecar from its `records` (oldest first) and its header: each
 * editable field's last value a record gave it, its value in a new sidecar otherwise. A value
 * that is not a valid one of its field (a journal is hostile input) is not taken.
 */
export function rebuildFromJournal(
  records: readonly JournalRecord[],
  header: HeaderValues,
  fileCalibration: FileCalibration | null,
): RebuildPlan {
  const known = new Map<string, { value: FieldValue; from: JournalRecord }>();
  for (const record of records)
    for (const change of record.changes)
      if (validateFieldValue(change.field, change.new) === null)
        known.set(change.field, { value: change.new, from: record });
  const base: FieldValues = { ...DEFAULT_FIELD_VALUES, ...newSidecarValues(header, fileCalibration) };
  const changes: FieldValues = {};
  const lines: RebuildLine[] = [];
  for (const { name, section } of EDITABLE_FIELDS) {
    const journaled = known.get(name);
    if (journaled !== undefined) changes[name] = journaled.value;
    const value = journaled === undefined ? (base[name] ?? null) : journaled.value;
    if (journaled !== undefined || (value !== null && value !== ''))
      lines.push({
        field: name,
        value,
        from: journaled?.from ?? (section === 'image_header_metadata' ? 'header' : 'default'),
      });
  }
  return { changes, lines };
}
