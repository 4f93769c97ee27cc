/**
 * Completeness of a folder against its lab profile: per field, how many images have it
 * filled, valid, invalid or empty, and which values are used how often; which images are
 * ready (a sidecar, and nothing wrong). Used by `acqmeta report`; pure, so the app can compute it from rows.
 */
import type { ProfileFieldRules, ProfileProblem } from '../api-profile';
import { EDITABLE_FIELDS, type FieldValue, type FieldValues } from '../fields/field-table';
import { validateFieldValue } from '../validation';

/** What is known of one image. */
export interface ImageStatus {
  path: string;
  /**
   * Whether the image has a sidecar (in the app: or unsaved edits that will create one). An
   * image without one records nothing: its fields count as empty and it is not ready.
   */
  hasSidecar: boolean;
  /** The editable fields as stored (defaults without a sidecar). */
  values: FieldValues;
  /** Problems of the image and its sidecar (read errors, format problems). */
  errors: readonly string[];
  /** Problems the profile in force finds. */
  profileProblems: readonly ProfileProblem[];
}

/** One field's counts. */
export interface FieldCompleteness {
  field: string;
  displayName: string;
  /** Required (always) by a profile in force. */
  required: boolean;
  filled: number;
  valid: number;
  invalid: number;
  empty: number;
  /** Values in use with the number of images using each, most used first. */
  values: { value: FieldValue; images: number }[];
}

/** A folder's completeness. */
export interface Completeness {
  images: number;
  /** Paths of the images with no problem at all. */
  ready: string[];
  fields: FieldCompleteness[];
}

const isFilled = (value: FieldValue | undefined): value is FieldValue =>
  value !== undefined && value !== null && value !== '';

/** Counts filled / valid / invalid / empty per editable field and the images that are ready. */
export function completeness(images: readonly ImageStatus[], rules: readonly ProfileFieldRules[] = []): Completeness {
  const fields = EDITABLE_FIELDS.map((spec): FieldCompleteness => {
    let filled = 0;
    let invalid = 0;
    const counts = new Map<FieldValue, number>();
    for (const image of images) {
      if (!image.hasSidecar) continue;
      const value = image.values[spec.name];
      if (!isFilled(value)) continue;
      filled++;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      const broken =
        image.profileProblems.some((p) => p.field === spec.name && p.rule !== 'required') ||
        validateFieldValue(spec.name, value) !== null;
      if (broken) invalid++;
    }
    const values = [...counts]
      .map(([value, count]) => ({ value, images: count }))
      .sort((a, b) => b.images - a.images || String(a.value).localeCompare(String(b.value)));
    const required = rules.some((r) => r.field === spec.name && r.required);
    return {
      field: spec.name,
      displayName: spec.displayName,
      required,
      filled,
      valid: filled - invalid,
      invalid,
      empty: images.length - filled,
      values,
    };
  });
  const ready = images
    .filter((i) => i.hasSidecar && i.errors.length === 0 && i.profileProblems.length === 0)
    .map((i) => i.path);
  return { images: images.length, ready, fields };
}
