/** What the editor shows for one field over one or many images (pure; used with `useShallow`). */
import type { FieldValues } from '../../../shared/fields/field-table';
import type { AppState } from './app-store';
import { isChange, shownText, type PathEdits } from './edit-logic';
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

/** The state of field `name` over `paths`. */
export function fieldViewState(s: Pick<AppState, 'rows' | 'edits'>, paths: readonly string[], name: string): FieldViewState {
  let text: string | null = null;
  let mixed = false;
  let modified = false;
  let error: string | null = null;
  for (const path of paths) {
    const row = s.rows[path];
    if (!row) continue;
    const edits = s.edits[path];
    const shown = shownText(row, edits, name);
    if (text === null) text = shown;
    else if (shown !== text) mixed = true;
    const edit = edits?.[name];
    if (edit && isChange(edit, row.values[name])) modified = true;
    if (edit?.error && error === null) error = edit.error;
  }
  return { text: mixed ? '' : (text ?? ''), mixed, modified, error };
}

/** Stored values overlaid with the valid pending edits. */
export function effectiveValues(row: ImageRow, edits: PathEdits | undefined): FieldValues {
  const values = { ...row.values };
  for (const [name, edit] of Object.entries(edits ?? {})) if (edit.error === null) values[name] = edit.value;
  return values;
}
