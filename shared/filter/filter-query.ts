/**
 * The filter box's language, parsed once per keystroke (never per row): words match any
 * column; `field:value` matches one column (contains), `field:=value` exactly, `field:""` when
 * empty; number columns compare with `>`, `>=`, `<`, `<=`, `=` (`depth:>100`), and so do the
 * date columns, a partial date meaning its period (`acquired:>2013`); `sidecar:` takes none,
 * saved, invalid or unsaved; quotes hold spaces; a leading `-` leaves matches out.
 * Fields are named by key, table header or display name, in any case, spaces and `_` optional
 * (`cell_type`, `"Cell type"`, `celltype`). An acquisition column may read what is typed its own
 * way (`objective:63x` finds `63×`). `instrument:` and `objective:` also search the names the
 * image matched in the lab's catalogue, and `instrument:none`, `objective:none` find the images
 * that matched none.
 */
import { COLUMNS, isNumberColumn } from '../columns';
import { dateSpan, type Comparison, type Span } from './spans';

/** One term; a row must match every term of the query. */
export type FilterTerm = { negate: boolean } & (
  | { kind: 'text'; text: string }
  /** `also`: a second column searched too (the catalogue's name beside the recorded instrument or objective). */
  | { kind: 'contains' | 'equals'; column: string; text: string; also?: string }
  | { kind: 'empty'; column: string }
  | { kind: 'compare'; column: string; op: Comparison; value: number }
  | { kind: 'dates'; column: string; op: Comparison; days: Span }
  | { kind: 'unsaved' }
);

/** A parsed filter. */
export interface FilterQuery {
  terms: readonly FilterTerm[];
  /** What the filter could not read as typed, in words: a field name that matches no column, a comparison with a value that is not a number or a date. */
  problems: readonly string[];
}

/** A name as compared: lower case, without a unit in parentheses, spaces, `_` or `-`. */
function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[\s_-]+/g, '');
}

/** Column key by every name a person may use for it. */
const COLUMN_NAMES: ReadonlyMap<string, string> = new Map(
  COLUMNS.flatMap((c) =>
    [c.key, c.label, c.longLabel, c.field?.displayName ?? c.key].map((name) => [normalName(name), c.key] as const),
  ),
);

/** Columns holding dates: the acquisition's, and the sidecar's Date field (free text, compared where it reads as a date). */
const DATE_COLUMNS: ReadonlySet<string> = new Set(['acquired', 'date']);

/** The recorded acquisition columns whose filter also searches the name matched in the lab's catalogue. */
const CATALOGUE_TWINS: Readonly<Record<string, string>> = {
  instrument: 'catalogue_instrument',
  objective: 'catalogue_objective',
};

/** The operators that order values (`=` also matches text exactly). */
const ORDERINGS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** Axis letters of the dimensions column (`Z:30` is a word, not a field). */
const AXES = /^[tczyxs]$/i;

/** One token as typed: an optional `-`, an optional `name:`, and the value (quoted or not). */
interface Token {
  negate: boolean;
  name: string | null;
  /** The operator after `name:` (`>=`, `=`, ...), if any. */
  op: string;
  /** Null when nothing follows `name:` yet (the term is still being typed). */
  value: string | null;
  /** The token as typed, without its `-` (searched as text when the name is unknown). */
  raw: string;
}

/** Reads a quoted or bare run starting at `i`; a bare run stops at white space (and at `:` when `stopAtColon`). */
function readPart(text: string, i: number, stopAtColon: boolean): { part: string; quoted: boolean; end: number } {
  if (text[i] === '"') {
    const close = text.indexOf('"', i + 1);
    return close < 0
      ? { part: text.slice(i + 1), quoted: true, end: text.length }
      : { part: text.slice(i + 1, close), quoted: true, end: close + 1 };
  }
  let end = i;
  while (end < text.length && !/\s/.test(text[end]!) && !(stopAtColon && text[end] === ':')) end++;
  return { part: text.slice(i, end), quoted: false, end };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const negate = text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!);
    const start = negate ? i + 1 : i;
    const first = readPart(text, start, true);
    i = first.end;
    if (text[i] !== ':' || first.part === '') {
      tokens.push({ negate, name: null, op: '', value: first.part, raw: text.slice(start, i) });
      continue;
    }
    const op = /^(<=|>=|<|>|=)/.exec(text.slice(i + 1))?.[0] ?? '';
    const value = readPart(text, i + 1 + op.length, false);
    i = value.end;
    const typed = value.quoted || value.part !== '' || op !== '';
    tokens.push({ negate, name: first.part, op, value: typed ? value.part : null, raw: text.slice(start, i) });
  }
  return tokens;
}

/** Words for a yes/no field, as the column's text has them (`accepted:no` finds the rejected images). */
const FLAG_WORDS: Readonly<Record<string, string>> = {
  yes: 'accepted',
  y: 'accepted',
  true: 'accepted',
  '1': 'accepted',
  accepted: 'accepted',
  no: 'rejected',
  n: 'rejected',
  false: 'rejected',
  '0': 'rejected',
  rejected: 'rejected',
};

/**
 * The term for `name:value` on column `key`; null while no value is typed yet. A comparison
 * whose value is not a date or a number is searched as text, and `problems` says why.
 */
function fieldTerm(key: string, token: Token, problems: string[]): FilterTerm | null {
  const column = COLUMNS.find((c) => c.key === key)!;
  const { negate, op } = token;
  if (token.value === null) return null;
  const value = (column.acquisition?.typed?.(token.value) ?? token.value).toLowerCase();
  if (key === 'sidecar' && value === 'unsaved') return { negate, kind: 'unsaved' };
  const twin = CATALOGUE_TWINS[key];
  if (twin !== undefined && value === 'none' && (op === '' || op === '='))
    return { negate, kind: 'empty', column: twin };
  if (column.field?.type === 'bool' && FLAG_WORDS[value] !== undefined)
    return { negate, kind: 'equals', column: key, text: FLAG_WORDS[value] };
  if (value === '' && (op === '' || op === '=')) return { negate, kind: 'empty', column: key };
  if (value === '' && ORDERINGS.has(op)) return null;
  if (DATE_COLUMNS.has(key) && op !== '') {
    const days = dateSpan(value);
    if (days !== null) return { negate, kind: 'dates', column: key, op: op as Comparison, days };
    if (op !== '=')
      problems.push(
        `${column.longLabel} compares dates: “${token.value}” is not one (type 2013, 2013-05 or 2013-05-06); searched as text`,
      );
  }
  const number = Number(value);
  if (isNumberColumn(column) && value.trim() !== '' && Number.isFinite(number)) {
    return { negate, kind: 'compare', column: key, op: (op || '=') as Comparison, value: number };
  }
  if (isNumberColumn(column) && ORDERINGS.has(op))
    problems.push(`${column.longLabel} compares numbers: “${token.value}” is not one; searched as text`);
  const also = twin === undefined ? {} : { also: twin };
  return op === '='
    ? { negate, kind: 'equals', column: key, text: value, ...also }
    : { negate, kind: 'contains', column: key, text: `${op}${value}`, ...also };
}

/** Parses what is typed in the filter box. */
export function parseFilter(text: string): FilterQuery {
  const terms: FilterTerm[] = [];
  const problems: string[] = [];
  for (const token of tokenize(text)) {
    const key = token.name === null ? undefined : COLUMN_NAMES.get(normalName(token.name));
    if (key !== undefined) {
      const term = fieldTerm(key, token, problems);
      if (term !== null) terms.push(term);
      continue;
    }
    if (token.name !== null && !AXES.test(token.name))
      problems.push(`No field named “${token.name}”: searched as text`);
    const words = token.name === null ? (token.value ?? '') : token.raw;
    if (words !== '') terms.push({ negate: token.negate, kind: 'text', text: words.toLowerCase() });
  }
  return { terms, problems };
}
