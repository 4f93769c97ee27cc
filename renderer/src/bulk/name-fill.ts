/**
 * Fill from file names, the app's side: what a pattern takes from each selected image's file
 * name (the preview) and the field inputs that applying it makes — matched names, valid values.
 * The patterns themselves are shared/names/name-pattern.ts, as the CLI's `set --from-name`.
 */
import { compileNamePattern, type TakenValue } from '../../../shared/names/name-pattern';
import { baseName } from '../../../shared/columns';
import type { FieldInput } from '../store';

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

/**
 * Applies the pattern to the file name of each path (folders left out); the fields an image's
 * lab profile writes `YYYY-MM-DD` (`dateFields`) take a compact date (`20240502`) in that form.
 */
export function previewNameFill(
  pattern: string,
  paths: readonly string[],
  dateFields: (path: string) => ReadonlySet<string>,
): NameFillPreview {
  const compiled = compileNamePattern(pattern);
  if (!compiled.ok) return { ok: false, message: compiled.message };
  const { fields } = compiled.pattern;
  let matched = 0;
  let invalid = 0;
  const rows = paths.map((path): NameFillRow => {
    const match = compiled.pattern.match(baseName(path), dateFields(path));
    if (!match.matched) return { path, taken: null };
    matched++;
    invalid += match.problems.length;
    return { path, taken: match.taken };
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
