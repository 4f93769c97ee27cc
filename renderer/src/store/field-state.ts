/** What the editor shows for one or many images (pure; used with `useShallow`). */
import { EDITABLE_FIELDS, type FieldValue, type FieldValues } from '../../../shared/fields/field-table';
import type { AppState } from './app-store';
import { calibrationMismatch } from '../../../shared/sidecar/calibration';
import { describeFileCalibration } from '../lib/calibration';
import { isChange, isEditable, rowHasChanges, type PathEdits } from './edit-logic';
import { formatFieldValue } from '../lib/format';
import type { ImageRow } from '../../../shared/api';

/** A field's text, whether it differs between images, and its pending state. */
export interface FieldViewState {
  /** The common text; empty when `mixed`. */
  text: string;
  /** The images hold different values. */
  mixed: boolean;
  /** At least one image has an unsaved change to this field. */
  modified: boolean;
  /** The first validation message, if what was typed cannot be stored. */
  error: string | null;
}

/** Images whose file declares a calibration other than the one they would save. */
export interface FileCalibrationOffer {
  count: number;
  /** `0.5 × 0.5 um` when exactly one image is concerned. */
  description: string | null;
  /** `File declares 0.5 × 0.5 um per pixel; sidecar has 1.0 × 1.0 Pixels` when exactly one image is concerned. */
  mismatch: string | null;
}

/** Everything the editor shows about the images it edits. */
export interface EditView {
  /** Each editable field's state over the images. */
  fields: Readonly<Record<string, FieldViewState>>;
  /** Images without a sidecar yet (saving creates one). */
  missing: number;
  /** Images with unsaved changes. */
  unsaved: number;
  calibration: FileCalibrationOffer;
}

/** One field's state as images are added to it. */
class FieldAccumulator {
  private first: string | null = null;
  /** The stored value `first` came from (compared before formatting), when it came from one. */
  private value: FieldValue | undefined = undefined;
  private fromValue = false;
  private mixed = false;
  private modified = false;
  private error: string | null = null;

  constructor(readonly name: string) {}

  add(row: ImageRow, edits: PathEdits | undefined): void {
    const edit = edits?.[this.name];
    if (edit !== undefined) {
      if (this.first === null) this.first = edit.text;
      else if (edit.text !== this.first) this.mixed = true;
      if (isChange(edit, row.values[this.name])) this.modified = true;
      if (edit.error !== null && this.error === null) this.error = edit.error;
    } else if (!this.mixed) {
      const value = row.values[this.name];
      if (this.first === null) {
        this.first = formatFieldValue(value);
        this.value = value;
        this.fromValue = true;
      } else if (!(this.fromValue && value === this.value) && formatFieldValue(value) !== this.first) {
        this.mixed = true;
      }
    }
  }

  result(): FieldViewState {
    return { text: this.mixed ? '' : (this.first ?? ''), mixed: this.mixed, modified: this.modified, error: this.error };
  }
}

/** Stored values overlaid with the valid pending edits. */
export function effectiveValues(row: ImageRow, edits: PathEdits | undefined): FieldValues {
  const values = { ...row.values };
  for (const [name, edit] of Object.entries(edits ?? {})) if (edit.error === null) values[name] = edit.value;
  return values;
}

const FIELD_NAMES = EDITABLE_FIELDS.map((f) => f.name);

/**
 * The editor's view of `paths`, in one pass over the images (100,000 selected images cost one
 * visit each, not one per field and figure). Stored values are compared before they are
 * formatted, so only values that differ are formatted.
 */
export function editView(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[], names: readonly string[] = FIELD_NAMES): EditView {
  const fields = names.map((name) => new FieldAccumulator(name));
  let missing = 0;
  let unsaved = 0;
  const calibration: FileCalibrationOffer = { count: 0, description: null, mismatch: null };
  for (const path of paths) {
    const row = s.rows[path];
    if (!row) continue;
    const edits = s.edits[path];
    for (const field of fields) field.add(row, edits);
    if (row.sidecar === 'missing') missing++;
    if (edits !== undefined && rowHasChanges(row, edits)) unsaved++;
    if (row.fileCalibration && isEditable(row)) {
      const differs = calibrationMismatch(effectiveValues(row, edits), row.fileCalibration);
      if (differs !== null) {
        calibration.count++;
        calibration.mismatch = differs;
        calibration.description = describeFileCalibration(row.fileCalibration);
      }
    }
  }
  if (calibration.count !== 1) Object.assign(calibration, { description: null, mismatch: null });
  return { fields: Object.fromEntries(fields.map((field) => [field.name, field.result()])), missing, unsaved, calibration };
}

/** The state of field `name` over `paths`. */
export function fieldViewState(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[], name: string): FieldViewState {
  return editView(s, paths, [name]).fields[name] as FieldViewState;
}

/**
 * The distinct texts field `name` shows over `paths` (a pending edit's text, else the stored
 * value), most frequent first. Stored values are counted as values and formatted once each, so
 * 100,000 images cost one visit each.
 */
export function distinctValues(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[], name: string): { text: string; count: number }[] {
  const typed = new Map<string, number>();
  const stored = new Map<FieldValue | undefined, number>();
  for (const path of paths) {
    const row = s.rows[path];
    if (!row) continue;
    const edit = s.edits[path]?.[name];
    if (edit !== undefined) typed.set(edit.text, (typed.get(edit.text) ?? 0) + 1);
    else stored.set(row.values[name], (stored.get(row.values[name]) ?? 0) + 1);
  }
  for (const [value, count] of stored) {
    const text = formatFieldValue(value);
    typed.set(text, (typed.get(text) ?? 0) + count);
  }
  return [...typed.entries()].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
