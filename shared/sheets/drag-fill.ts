/**
 * Finds what a spreadsheet's drag-fill does by accident: a cell such as `mouse1` dragged down
 * becomes `mouse2, mouse3, …`, where the user meant to copy one value.
 */
import type { FieldValue } from '../fields/field-table';
import { describeValue } from '../validation';

/** One row's value of a column, before (on disk) and after (in the table). */
export interface ColumnEntry {
  row: number;
  before: FieldValue;
  after: FieldValue;
}

/** A run of rows that counts up or down by one. */
export interface DragFillRun {
  /** Spreadsheet row numbers, in table order. */
  rows: number[];
  /** The values of the run, in table order. */
  values: FieldValue[];
  /** The one value all these rows held before. */
  before: FieldValue;
}

/** Rows in a run before it is worth a warning. */
const MIN_RUN = 3;

interface Counted {
  head: string;
  n: number;
  tail: string;
}

/** `mouse12` → mouse / 12 / ''; `7` → '' / 7 / ''; text without a number → null. */
function counted(value: FieldValue): Counted | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? { head: '', n: value, tail: '' } : null;
  if (typeof value !== 'string') return null;
  const match = /^(.*?)(\d{1,15})(\D*)$/s.exec(value);
  return match === null ? null : { head: match[1] as string, n: Number(match[2]), tail: match[3] as string };
}

function step(a: Counted | null, b: Counted | null): number {
  if (a === null || b === null || a.head !== b.head || a.tail !== b.tail) return 0;
  const d = b.n - a.n;
  return d === 1 || d === -1 ? d : 0;
}

/**
 * Runs of at least three rows (in table order) whose values count up or down by one where
 * all of them held one value before and the table changes some of them.
 */
export function findDragFills(entries: readonly ColumnEntry[]): DragFillRun[] {
  const runs: DragFillRun[] = [];
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    const direction = step(counted(entries[start]?.after ?? null), counted(entries[end]?.after ?? null));
    while (
      direction !== 0 &&
      end < entries.length &&
      step(counted(entries[end - 1]?.after ?? null), counted(entries[end]?.after ?? null)) === direction
    ) {
      end++;
    }
    const run = entries.slice(start, end);
    const before = run[0]?.before ?? null;
    if (run.length >= MIN_RUN && run.every((e) => e.before === before) && run.some((e) => e.after !== e.before)) {
      runs.push({ rows: run.map((e) => e.row), values: run.map((e) => e.after), before });
    }
    start = Math.max(end - 1, start + 1);
  }
  return runs;
}

/** `rows 3–6: "mouse1", "mouse2", …, "mouse4" count up where all held "mouse1" before; …`. */
export function describeDragFill(run: DragFillRun): string {
  const shown = run.values.map(describeValue);
  const list = shown.length > 3 ? [shown[0], shown[1], '…', shown.at(-1)] : shown;
  const up = (counted(run.values.at(-1) ?? null)?.n ?? 0) > (counted(run.values[0] ?? null)?.n ?? 0);
  return `rows ${run.rows[0]}–${run.rows.at(-1)}: ${list.join(', ')} count ${up ? 'up' : 'down'} where all held ${describeValue(run.before)} before; a spreadsheet's drag-fill may have made them`;
}
