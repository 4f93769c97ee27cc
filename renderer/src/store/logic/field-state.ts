/** What the editor shows for one or many images (pure; used with `useShallow`). */
import { EDITABLE_FIELDS, type FieldValue, type FieldValues } from '../../../../shared/fields/field-table';
import { lazyCollator } from '../../../../shared/text-order';
import type { AppState } from '../../app-store';
import { isChange, rowHasChanges, type PathEdits } from './edit-logic';
import type { ImageRow } from '../../../../shared/api';
import { formatFieldValue } from '../../../../shared/columns';
import type { PathFold } from '../memo/sliced-memo';

/** A text a field shows on some of the images, and on how many. */
export interface ValueCount {
  text: string;
  count: number;
}

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
  /** When `mixed`, the {@link MIXED_SHOWN} most frequent texts, most frequent first; else empty. */
  mixedValues: ValueCount[];
  /** How many different texts the field shows. */
  distinct: number;
  /**
   * When the pending edits replace more than one different stored value: the {@link MIXED_SHOWN}
   * most frequent of those (what typing into a mixed selection overwrites); else empty.
   */
  replaced: ValueCount[];
  /** How many different stored values the pending edits replace. */
  replacedDistinct: number;
}

/** What a field shows before the editor's view of a long selection is ready (the editor shows no fields then). */
export const UNREAD_FIELD: FieldViewState = {
  text: '',
  mixed: false,
  modified: false,
  error: null,
  mixedValues: [],
  distinct: 0,
  replaced: [],
  replacedDistinct: 0,
};

/** Texts of a mixed field listed before "N more". */
export const MIXED_SHOWN = 5;

/** Everything the editor shows about the images it edits. */
export interface EditView {
  /** Each editable field's state over the images. */
  fields: Readonly<Record<string, FieldViewState>>;
  /** Images without a sidecar yet (saving creates one). */
  missing: number;
  /** Images with unsaved changes. */
  unsaved: number;
}

/** One field's state as images are added to it; once the field turns out mixed, its texts are counted. */
class FieldAccumulator {
  private first: string | null = null;
  /** The stored value `first` came from (compared before formatting), when it came from one. */
  private value: FieldValue | undefined = undefined;
  private fromValue = false;
  /** Images that showed `first` before the field turned out mixed. */
  private same = 0;
  private mixed = false;
  private modified = false;
  private error: string | null = null;
  /** After it turned out mixed: typed texts and stored values (formatted once each, at the end), counted. */
  private readonly typed = new Map<string, number>();
  private readonly stored = new Map<FieldValue | undefined, number>();
  /** The stored values that pending edits change, counted. */
  private readonly replaced = new Map<FieldValue | undefined, number>();

  constructor(readonly name: string) {}

  add(row: ImageRow, edits: PathEdits | undefined): void {
    const edit = edits?.[this.name];
    if (edit !== undefined) {
      if (isChange(edit, row.values[this.name])) {
        this.modified = true;
        increment(this.replaced, row.values[this.name]);
      }
      if (edit.error !== null && this.error === null) this.error = edit.error;
      if (this.mixed) increment(this.typed, edit.text);
      else if (this.first === null || edit.text === this.first) {
        this.first = edit.text;
        this.same++;
      } else {
        this.turnMixed();
        increment(this.typed, edit.text);
      }
      return;
    }
    const value = row.values[this.name];
    if (this.mixed) increment(this.stored, value);
    else if (this.first === null) {
      this.first = formatFieldValue(value);
      this.value = value;
      this.fromValue = true;
      this.same++;
    } else if ((this.fromValue && value === this.value) || formatFieldValue(value) === this.first) {
      this.same++;
    } else {
      this.turnMixed();
      increment(this.stored, value);
    }
  }

  private turnMixed(): void {
    this.mixed = true;
    if (this.first !== null) this.typed.set(this.first, this.same);
  }

  result(): FieldViewState {
    const { mixed, modified, error } = this;
    const replacedCounts = this.replaced.size > 1 ? textCounts(new Map(), this.replaced) : null;
    const replaced = {
      replaced: replacedCounts === null || replacedCounts.size < 2 ? [] : topValues(replacedCounts, MIXED_SHOWN),
      replacedDistinct: replacedCounts?.size ?? this.replaced.size,
    };
    if (!mixed) {
      const distinct = this.first === null ? 0 : 1;
      return { text: this.first ?? '', mixed, modified, error, mixedValues: [], distinct, ...replaced };
    }
    const counts = textCounts(this.typed, this.stored);
    return {
      text: '',
      mixed,
      modified,
      error,
      mixedValues: topValues(counts, MIXED_SHOWN),
      distinct: counts.size,
      ...replaced,
    };
  }
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Counts by text: `typed` with the stored values' counts added under their formatted text. */
function textCounts(typed: Map<string, number>, stored: Map<FieldValue | undefined, number>): Map<string, number> {
  const counts = new Map(typed);
  for (const [value, count] of stored) {
    const text = formatFieldValue(value);
    counts.set(text, (counts.get(text) ?? 0) + count);
  }
  return counts;
}

const compareText = lazyCollator();

/** Most frequent first, then by text. */
function byCount(a: ValueCount, b: ValueCount): number {
  return b.count - a.count || compareText(a.text, b.text);
}

/** The `limit` most frequent texts, most frequent first; only those are sorted. */
function topValues(counts: Map<string, number>, limit: number): ValueCount[] {
  const all = [...counts.entries()].map(([text, count]) => ({ text, count }));
  if (all.length <= limit) return all.sort(byCount);
  const top: ValueCount[] = [];
  for (const entry of all) {
    if (top.length === limit && byCount(entry, top[limit - 1] as ValueCount) >= 0) continue;
    let at = top.length;
    while (at > 0 && byCount(entry, top[at - 1] as ValueCount) < 0) at--;
    top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Stored values overlaid with the valid pending edits. */
export function effectiveValues(row: ImageRow, edits: PathEdits | undefined): FieldValues {
  const values = { ...row.values };
  for (const [name, edit] of Object.entries(edits ?? {})) if (edit.error === null) values[name] = edit.value;
  return values;
}

const FIELD_NAMES = EDITABLE_FIELDS.map((f) => f.name);

/**
 * The editor's view of images added one at a time (100,000 selected images cost one visit
 * each, not one per field and figure). Stored values are compared before they are formatted,
 * so only values that differ are formatted.
 */
export function editViewFold(
  s: Pick<AppState, 'rows' | 'edits'>,
  names: readonly string[] = FIELD_NAMES,
): PathFold<EditView> {
  const fields = names.map((name) => new FieldAccumulator(name));
  let missing = 0;
  let unsaved = 0;
  return {
    add(path) {
      const row = s.rows[path];
      if (!row) return;
      const edits = s.edits[path];
      for (const field of fields) field.add(row, edits);
      if (row.sidecar === 'missing') missing++;
      if (edits !== undefined && rowHasChanges(row, edits)) unsaved++;
    },
    result: () => ({
      fields: Object.fromEntries(fields.map((field) => [field.name, field.result()])),
      missing,
      unsaved,
    }),
  };
}

/**
 * Every distinct text field `name` shows over `paths` (a pending edit's text, else the stored
 * value), most frequent first (the full list behind "N more"; the editor's view has the first few).
 */
export function shownValueCounts(
  s: Pick<AppState, 'rows' | 'edits'>,
  paths: readonly string[],
  name: string,
): ValueCount[] {
  const typed = new Map<string, number>();
  const stored = new Map<FieldValue | undefined, number>();
  for (const path of paths) {
    const row = s.rows[path];
    if (!row) continue;
    const edit = s.edits[path]?.[name];
    if (edit !== undefined) increment(typed, edit.text);
    else increment(stored, row.values[name]);
  }
  const counts = textCounts(typed, stored);
  return topValues(counts, counts.size);
}
