/** What the editor shows for one field over one or many images (pure; used with `useShallow`). */
import type { FieldValue, FieldValues } from '../../../shared/fields/field-table';
import type { AppState } from './app-store';
import { calibrationMismatch } from '../../../shared/sidecar/calibration';
import { describeFileCalibration } from '../lib/calibration';
import { isChange, isEditable, type PathEdits } from './edit-logic';
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

interface Accumulator extends FieldViewState {
  /** The first text seen; null before the first image. */
  first: string | null;
  /** The stored value `first` came from (compared before formatting), when it came from one. */
  value: FieldValue | undefined;
  fromValue: boolean;
}

/**
 * The state of each field of `names` over `paths`, in one pass over the images (100,000 selected
 * images cost one visit each, not one per field). Stored values are compared before they are
 * formatted, so only values that differ are formatted.
 */
export function fieldViewStates(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[], names: readonly string[]): Record<string, FieldViewState> {
  const accumulators: Accumulator[] = names.map(() => ({ text: '', mixed: false, modified: false, error: null, first: null, value: undefined, fromValue: false }));
  for (const path of paths) {
    const row = s.rows[path];
    if (!row) continue;
    const edits = s.edits[path];
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const acc = accumulators[i] as Accumulator;
      const edit = edits?.[name];
      if (edit !== undefined) {
        if (acc.first === null) acc.first = edit.text;
        else if (edit.text !== acc.first) acc.mixed = true;
        if (isChange(edit, row.values[name])) acc.modified = true;
        if (edit.error !== null && acc.error === null) acc.error = edit.error;
      } else if (!acc.mixed) {
        const value = row.values[name];
        if (acc.first === null) {
          acc.first = formatFieldValue(value);
          acc.value = value;
          acc.fromValue = true;
        } else if (!(acc.fromValue && value === acc.value) && formatFieldValue(value) !== acc.first) {
          acc.mixed = true;
        }
      }
    }
  }
  const states: Record<string, FieldViewState> = {};
  names.forEach((name, i) => {
    const { first, mixed, modified, error } = accumulators[i] as Accumulator;
    states[name] = { text: mixed ? '' : (first ?? ''), mixed, modified, error };
  });
  return states;
}

/** The state of field `name` over `paths`. */
export function fieldViewState(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[], name: string): FieldViewState {
  return fieldViewStates(s, paths, [name])[name] as FieldViewState;
}

/** Stored values overlaid with the valid pending edits. */
export function effectiveValues(row: ImageRow, edits: PathEdits | undefined): FieldValues {
  const values = { ...row.values };
  for (const [name, edit] of Object.entries(edits ?? {})) if (edit.error === null) values[name] = edit.value;
  return values;
}

/** Images whose file declares a calibration other than the one they would save. */
export interface FileCalibrationOffer {
  count: number;
  /** `0.5 × 0.5 um` when exactly one image is concerned. */
  description: string | null;
  /** `File declares 0.5 × 0.5 um per pixel; sidecar has 1.0 × 1.0 Pixels` when exactly one image is concerned. */
  mismatch: string | null;
}

/** Which of `paths` would change if they adopted their file's own calibration. */
export function calibrationOffer(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[]): FileCalibrationOffer {
  let count = 0;
  let description: string | null = null;
  let mismatch: string | null = null;
  for (const path of paths) {
    const row = s.rows[path];
    if (!row?.fileCalibration || !isEditable(row)) continue;
    const differs = calibrationMismatch(effectiveValues(row, s.edits[path]), row.fileCalibration);
    if (differs === null) continue;
    count++;
    mismatch = differs;
    description = describeFileCalibration(row.fileCalibration);
  }
  return count === 1 ? { count, description, mismatch } : { count, description: null, mismatch: null };
}
