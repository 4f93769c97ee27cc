/**
 * How a submission's cells are filled: a value is written only when something vouches for it
 * (an image, a sidecar, the template itself) and the column's own rules accept it; every cell
 * left empty that matters is a to-do saying why.
 */
import { cellText, checkCell, type ColumnRule } from './column-rules';
import type { Fact, FactName } from './image-facts';

/** One cell still to fill, and why. */
export interface TodoItem {
  /** `dataset` for a HuBMAP table's one row, else the image's path. */
  readonly row: string;
  readonly column: string;
  readonly required: boolean;
  readonly reason: string;
}

/** A submission table: its columns in order, its rows of text (empty: not vouched for) and its to-do. */
export interface SubmissionTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly todo: readonly TodoItem[];
  /** Where each written cell's value came from (`image file`, `template`, …), parallel to `rows`; null: empty. */
  readonly sources?: readonly (readonly (string | null)[])[];
}

/** What fills a cell: a fact, or why none could be taken (the images differ). */
export type CellSource = { fact: Fact } | { fact: null; reason: string } | null;

/** The reason a required cell nothing fills is on the to-do. */
export const NOTHING_SUPPLIES = 'no file or sidecar supplies it';

/**
 * The text of the cell of `rule` from `source`; a refused value, images that differ, and a
 * required cell without a value are added to `todo` for `row`. `repository` (HuBMAP, HTAN)
 * is who may add a term to a list.
 */
export function fillCell(
  rule: ColumnRule,
  source: CellSource,
  row: string,
  todo: TodoItem[],
  repository: string,
): string {
  const add = (reason: string) => todo.push({ row, column: rule.name, required: rule.required, reason });
  if (source === null) {
    if (rule.required) add(NOTHING_SUPPLIES);
    return '';
  }
  if (source.fact === null) {
    add(source.reason);
    return '';
  }
  const checked = checkCell(rule, source.fact.value);
  if (checked.text !== null) return checked.text;
  const meant = checked.suggestions.map((label) => `"${label}"`).join(' or ');
  const ask = `one of the list, or ask ${repository} to add it`;
  const advice =
    rule.terms === undefined ? '' : meant === '' ? `: choose ${ask}` : `; did you mean ${meant}? Choose ${ask}`;
  add(`"${cellText(source.fact.value)}" (from the ${source.fact.from}) ${checked.problem}${advice}`);
  return '';
}

/** Where the text `filled` for `source` came from; null for an empty cell. */
export const cellOrigin = (source: CellSource, filled: string): string | null =>
  filled === '' || source?.fact == null ? null : source.fact.from;

/**
 * The dataset's value of fact `name`: the one all images give; null when none gives it; when
 * they differ (or some do not record it), the groups by value with their image counts.
 */
export function datasetFact(facts: readonly Partial<Record<FactName, Fact>>[], name: FactName): CellSource {
  const groups = new Map<string, number>();
  for (const image of facts) {
    const fact = image[name];
    const key = fact === undefined ? '' : cellText(fact.value);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const first = facts.find((image) => image[name] !== undefined)?.[name];
  if (first === undefined) return null;
  if (groups.size === 1) return { fact: first };
  const parts = [...groups]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([value, n]) => `${value === '' ? 'not recorded' : `"${value}"`} (${n} image${n === 1 ? '' : 's'})`);
  return { fact: null, reason: `the images differ: ${parts.join(', ')}; the dataset's value is left to you` };
}
