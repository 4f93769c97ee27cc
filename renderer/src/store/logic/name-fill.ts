/**
 * Fill from file names, the app's side: what a pattern takes from each selected image's file
 * name (the preview) and the field inputs that applying it makes — matched names, valid values.
 * The patterns themselves are shared/names/name-pattern.ts, as the CLI's `set --from-name`.
 */
import type { FieldValues } from '../../../../shared/fields/field-table';
import { compileNamePattern } from '../../../../shared/names/name-pattern';
import { parseFieldInput } from '../../../../shared/validation';
import type { FieldInput } from '../slices/edits-slice';
import { baseName } from '../../lib/format';

/** One field's taken text, and either its value or why it is not valid. */
export type TakenValue = { text: string } & ({ ok: true; value: FieldValues[string] } | { ok: false; message: string });

/** One image of the preview. */
export interface NameFillRow {
  path: string;
  /** Null when the file name does not match; else the taken values by field. */
  taken: Record<string, TakenValue> | null;
}

/** What a pattern gives for a selection, or why the pattern cannot be used. */
export type NameFillPreview =
  | { ok: false; message: string }
  | { ok: true; fields: readonly string[]; rows: NameFillRow[]; matched: number; invalid: number };

/** Applies the pattern to the file name of each path (folders left out). */
export function previewNameFill(pattern: string, paths: readonly string[]): NameFillPreview {
  const compiled = compileNamePattern(pattern);
  if (!compiled.ok) return { ok: false, message: compiled.message };
  const { fields } = compiled.pattern;
  let matched = 0;
  let invalid = 0;
  const rows = paths.map((path): NameFillRow => {
    const match = compiled.pattern.match(baseName(path));
    if (!match.matched) return { path, taken: null };
    matched++;
    const taken: Record<string, TakenValue> = {};
    for (const [field, text] of Object.entries(match.texts)) {
      const parsed = parseFieldInput(field, text);
      taken[field] = parsed.ok ? { text, ok: true, value: parsed.value } : { text, ok: false, message: parsed.message };
      if (!parsed.ok) invalid++;
    }
    return { path, taken };
  });
  return { ok: true, fields, rows, matched, invalid };
}

/** The inputs applying a preview makes: every valid value of every matched name. */
export function nameFillInputs(preview: NameFillPreview): FieldInput[] {
  if (!preview.ok) return [];
  return preview.rows.flatMap(({ path, taken }) =>
    Object.entries(taken ?? {}).flatMap(([name, value]) => (value.ok ? [{ path, name, value: value.value }] : [])),
  );
}
