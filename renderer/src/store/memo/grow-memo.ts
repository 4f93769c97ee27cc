/**
 * Memoized derived state, and derived state over rows that keeps up with a scan: while rows
 * are only added, a value is extended with the new rows instead of computed again over all of
 * them (100,000 rows arrive in hundreds of batches; a full pass per batch would freeze the page).
 */
import type { ImageRow } from '../../../../shared/api';
import type { AppState } from '../../app-store';

/**
 * Memoizes `compute` on the inputs it reads, so that components get stable references (a new
 * value only when something it depends on changed).
 */
export function memo<A extends unknown[], R>(
  inputs: (s: AppState) => readonly [...A],
  compute: (...args: A) => R,
): (s: AppState) => R {
  let last: { args: readonly [...A]; result: R } | null = null;
  return (s) => {
    const args = inputs(s);
    if (last !== null && sameInputs(args, last.args)) return last.result;
    const result = compute(...(args as A));
    last = { args, result };
    return result;
  };
}

/** What {@link overRows} computes from. */
export type RowsAndEdits = Pick<AppState, 'rows' | 'edits'>;

const selectorsByKey = new WeakMap<object, Map<string, unknown>>();

/** The selector named `name` of `key` (e.g. a selection's paths), made once by `make`: every component asking for it shares it. */
export function selectorOf<S>(key: object, name: string, make: () => S): S {
  let byName = selectorsByKey.get(key);
  if (byName === undefined) selectorsByKey.set(key, (byName = new Map()));
  let selector = byName.get(name) as S | undefined;
  if (selector === undefined) byName.set(name, (selector = make()));
  return selector;
}

/**
 * A selector of `compute` over the rows and edits of the images `key` is about (e.g. the paths
 * of a selection) that computes again only when rows were replaced or edits changed — not on
 * every store update, which comes every frame while a scan streams (added rows are not among
 * a selection's). The same `key` (an object) and `name` give the same selector.
 */
export function overRows<T>(key: object, name: string, compute: (s: RowsAndEdits) => T): (s: AppState) => T {
  return selectorOf(key, name, () =>
    memo(
      (s: AppState) => [s.rows, s.rowsEpoch, s.edits] as const,
      (rows, _epoch, edits) => compute({ rows, edits }),
    ),
  );
}

/** Whether `order` begins with the first `count` paths of `before` (rows were only appended since; the last of them is compared). */
function continues(order: readonly string[], before: readonly string[], count: number): boolean {
  return order.length >= count && (count === 0 || order[count - 1] === before[count - 1]);
}

/** The folder's rows as a value built over them in scan order sees them. */
export interface FolderRows {
  rows: AppState['rows'];
  order: readonly string[];
  epoch: number;
}

/**
 * A value built over the folder's rows in scan order, a slice at a time (in idle time), and
 * kept while rows are only appended: the same rows object and epoch, the order continuing.
 * Anything else starts it afresh.
 */
export class FolderFold<T> {
  private kept: { of: FolderRows; covered: number; value: T } | null = null;

  /** `start` makes an empty value; `add` adds one row to it. */
  constructor(
    private readonly start: () => T,
    private readonly add: (value: T, row: ImageRow) => void,
  ) {}

  /**
   * The value over `input`'s rows, extended by up to `more` of them (all: every one listed);
   * `covered` counts the paths of `input.order` in it.
   */
  extend(input: FolderRows, more: number | 'all'): { value: T; covered: number } {
    let kept = this.kept;
    if (kept === null || !this.holds(input) || !continues(input.order, kept.of.order, kept.covered)) {
      kept = this.kept = { of: input, covered: 0, value: this.start() };
    }
    const to = more === 'all' ? input.order.length : Math.min(input.order.length, kept.covered + more);
    this.addRows(kept.value, input, kept.covered, to);
    kept.covered = to;
    kept.of = input;
    return kept;
  }

  /** Whether the value kept is over the same rows (object and epoch) as `input`, however far its order goes. */
  holds(input: FolderRows): boolean {
    return this.kept !== null && this.kept.of.rows === input.rows && this.kept.of.epoch === input.epoch;
  }

  /** Whether `input` continues the value kept (no row of it needs to be added again). */
  continuedBy(input: FolderRows): boolean {
    return this.kept !== null && this.holds(input) && continues(input.order, this.kept.of.order, this.kept.covered);
  }

  /** The value over `input`'s rows alone, not kept (a part of the folder, such as a scan batch's rows). */
  over(input: FolderRows): T {
    const value = this.start();
    this.addRows(value, input, 0, input.order.length);
    return value;
  }

  private addRows(value: T, input: FolderRows, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const row = input.rows[input.order[i] as string];
      if (row !== undefined) this.add(value, row);
    }
  }
}

/** How a value is computed over all rows and extended by new ones. */
export interface Growing<T, I extends readonly unknown[]> {
  /** Other inputs; any change (by identity) means a full computation. */
  inputs(s: AppState): I;
  /** The value over every path of `order`. */
  full(s: AppState, order: readonly string[], ...inputs: I): T;
  /** `previous` extended by the rows of `added` (paths appended to the order since). */
  grow(s: AppState, previous: T, added: readonly string[], ...inputs: I): T;
}

/**
 * Memoizes a {@link Growing} value. It is extended when the rows object and `rowsEpoch` are
 * unchanged and `rowOrder` only grew (the rows slice appends; it bumps the epoch for anything else).
 */
export function growMemo<T, I extends readonly unknown[]>(spec: Growing<T, I>): (s: AppState) => T {
  let last: { rows: AppState['rows']; epoch: number; order: readonly string[]; inputs: I; value: T } | null = null;
  return (s) => {
    const inputs = spec.inputs(s);
    const order = s.rowOrder;
    if (last !== null && last.rows === s.rows && last.epoch === s.rowsEpoch && sameInputs(last.inputs, inputs)) {
      if (last.order === order) return last.value;
      const before = last.order.length;
      if (order.length > before && continues(order, last.order, before)) {
        const value = spec.grow(s, last.value, order.slice(before), ...inputs);
        last = { ...last, order, value };
        return value;
      }
    }
    const value = spec.full(s, order, ...inputs);
    last = { rows: s.rows, epoch: s.rowsEpoch, order, inputs, value };
    return value;
  };
}

/** Whether two lists of inputs hold the same values (by identity). */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Inserts `added` (sorted by `compare`) into `shown` (paths sorted by `compare`): a binary search
 * per new row and one copy, instead of sorting everything again.
 */
export function mergeSorted(
  shown: readonly string[],
  added: readonly ImageRow[],
  rows: AppState['rows'],
  compare: (a: ImageRow, b: ImageRow) => number,
): string[] {
  const out: string[] = [];
  let from = 0;
  for (const row of added) {
    let low = from;
    let high = shown.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(rows[shown[mid] as string] as ImageRow, row) <= 0) low = mid + 1;
      else high = mid;
    }
    for (let i = from; i < low; i++) out.push(shown[i] as string);
    out.push(row.path);
    from = low;
  }
  for (let i = from; i < shown.length; i++) out.push(shown[i] as string);
  return out;
}
