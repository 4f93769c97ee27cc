/**
 * Preset files: a named set of field values ("Thy1 cohort 3, P30"), kept as one plain JSON file
 * each in the user's settings folder (`<settings>/presets/*.json`) and exported or imported as
 * the same file. Format, version 1:
 *
 * ```json
 * {
 *   "acqmeta_preset": 1,
 *   "name": "Thy1 cohort 3, P30",
 *   "fields": { "species": "mouse", "genotype": "Thy1-GFP", "age": "P30", "depth": 120.5 }
 * }
 * ```
 *
 * `fields` maps sidecar keys of editable fields (shared/fields/field-table.ts) to values of the
 * field's type — text, a number, `true`/`false`, `null` for an empty number — each validated
 * like a sidecar value. Other top-level keys are ignored, so later versions can add some.
 */
import { duplicateKeys, duplicateKeyText } from '../duplicate-keys';
import { EDITABLE_FIELDS, editableField, type FieldValues } from '../fields/field-table';
import { validateFieldValue } from '../validation';
import { isWindowsDeviceName } from '../windows-names';

/** The value of `acqmeta_preset` this code writes and reads. */
export const PRESET_FORMAT_VERSION = 1;

/** Longest preset name, in characters. */
export const MAX_PRESET_NAME = 120;

/** A preset: its name and the values it sets. */
export interface Preset {
  name: string;
  fields: FieldValues;
}

/** A preset kept in the settings folder; `id` is its file name there. */
export interface StoredPreset extends Preset {
  id: string;
}

/** One file of the presets folder: a preset, or a file that is not one (and why). */
export type PresetEntry = ({ ok: true } & StoredPreset) | { ok: false; id: string; message: string };

/** The presets folder's content. */
export interface PresetList {
  /** Where the files are (on the backend's disk). */
  folder: string;
  /** Valid presets by name, then broken files by file name. */
  presets: PresetEntry[];
}

/** A preset, or what is wrong with it. */
export type PresetCheck = { ok: true; preset: Preset } | { ok: false; message: string };

/** Why `name` cannot name a preset, or null when it can. */
export function presetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Give the preset a name.';
  if (name.length > MAX_PRESET_NAME) return `A preset name has at most ${MAX_PRESET_NAME} characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A preset name cannot contain control characters.';
  return null;
}

/** Checks a name and values: every field editable and every value valid for its field. */
export function checkPreset(name: string, fields: Readonly<Record<string, unknown>>): PresetCheck {
  const nameProblem = presetNameProblem(name);
  if (nameProblem !== null) return { ok: false, message: nameProblem };
  const names = Object.keys(fields);
  if (names.length === 0) return { ok: false, message: 'A preset sets at least one field.' };
  const unknown = names.filter((key) => editableField(key) === undefined);
  if (unknown.length > 0)
    return { ok: false, message: `No editable field is named ${unknown.map((k) => `"${k}"`).join(', ')}.` };
  const problems = names.flatMap((key) => validateFieldValue(key, fields[key]) ?? []);
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  return { ok: true, preset: { name: name.trim(), fields: inFieldOrder(fields as FieldValues) } };
}

/** Reads a preset file's text. */
export function parsePresetFile(text: string): PresetCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This is not a JSON file.' };
  }
  const duplicate = duplicateKeys(text)[0];
  if (duplicate !== undefined) return { ok: false, message: `The key ${duplicate.at} ${duplicateKeyText(duplicate)}.` };
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('acqmeta_preset' in data)) {
    return { ok: false, message: 'This is not an AcqMeta preset (it has no "acqmeta_preset" key).' };
  }
  const file = data as Record<string, unknown>;
  if (file.acqmeta_preset !== PRESET_FORMAT_VERSION) {
    return {
      ok: false,
      message: `This preset is in format ${JSON.stringify(file.acqmeta_preset)}; this AcqMeta reads format ${PRESET_FORMAT_VERSION}.`,
    };
  }
  if (typeof file.name !== 'string') return { ok: false, message: 'The preset has no "name" text.' };
  const fields = file.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    return { ok: false, message: 'The preset has no "fields" object.' };
  return checkPreset(file.name, fields as Record<string, unknown>);
}

/** A preset's file text: 2-space indented JSON, fields in the field table's order, final newline. */
export function formatPresetFile(preset: Preset): string {
  return `${JSON.stringify({ acqmeta_preset: PRESET_FORMAT_VERSION, name: preset.name, fields: inFieldOrder(preset.fields) }, null, 2)}\n`;
}

/**
 * A file name for a preset: `Thy1 cohort 3, P30` → `thy1-cohort-3-p30.json`; a name Windows
 * keeps for a device is not used (`Con` → `con-preset.json`).
 */
export function presetFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const stem = slug === '' ? 'preset' : isWindowsDeviceName(slug) ? `${slug}-preset` : slug;
  return `${stem}.json`;
}

function inFieldOrder(fields: FieldValues): FieldValues {
  return Object.fromEntries(
    EDITABLE_FIELDS.filter((f) => Object.hasOwn(fields, f.name)).map((f) => [f.name, fields[f.name] ?? null]),
  );
}
