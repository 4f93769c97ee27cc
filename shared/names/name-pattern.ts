/**
 * Fill from file names: a pattern takes field values out of an image's file name.
 *
 * Two forms:
 * - a template, `{date}_{genotype}_m{*}_{region}.tif`: `{field}` takes text for a field (by
 *   sidecar key or display name), `{*}` skips text, everything else is literal (`{{` and `}}`
 *   for braces; letters match in any case). It must match the whole name; a template without
 *   the extension matches the name without it.
 * - `re:` and a regular expression with named groups, `re:^(?<date>\d{8})_(?<genotype>[^_]+)`:
 *   each group named after a field takes its text; it may match anywhere in the name (anchor it
 *   with `^` and `$`). Groups not named after a field are refused; `(?<_x>…)` may name one that
 *   fills nothing.
 * A name and a pattern are compared in Unicode NFC (`café` typed on one system matches the
 * name another system wrote with a decomposed `é`); the text taken is in NFC.
 * Both run on RE2 (re2js), which matches in time linear in the name: a pattern from the user
 * cannot hang the app. Taken text is validated like typed input (`parseFieldInput`); in a field
 * the profile gives the `date` format, a compact date (`20240502`) is taken as `2024-05-02`.
 */
import { RE2JS } from 're2js';
import type { FieldValues } from '../fields/field-table';
import { fieldByKeyOrLabel } from '../fields/field-lookup';
import { parseFieldInput } from '../validation';
import { inDateFormat } from '../profile/compact-date';
import { sameNameKey } from '../same-name';

/** The prefix of the regular-expression form. */
export const REGEX_PREFIX = 're:';

/** No field is a date field (no profile). */
const NO_FIELDS: ReadonlySet<string> = new Set();

/** Longest pattern accepted, in characters. */
const MAX_PATTERN = 1000;

/** One field's taken text, and either its value or why it is not valid. */
export type TakenValue = { text: string } & ({ ok: true; value: FieldValues[string] } | { ok: false; message: string });

/** What one file name gives. */
export type NameMatch =
  | { matched: false }
  /** `taken`: each field's text and value; `values`: the valid ones; `problems`: the others' messages. */
  | { matched: true; taken: Record<string, TakenValue>; values: FieldValues; problems: string[] };

/** A compiled pattern. */
export interface NamePattern {
  /** The fields it fills, in pattern order. */
  fields: readonly string[];
  /** Applies the pattern to a file name (no folders); `dateFields` are the fields written `YYYY-MM-DD`. */
  match(fileName: string, dateFields?: ReadonlySet<string>): NameMatch;
}

/** A pattern, or why it cannot be used. */
export type NamePatternResult = { ok: true; pattern: NamePattern } | { ok: false; message: string };

type Piece = { literal: string } | { field: string | null };

/** Compiles a template or (with `re:`) a regular expression. */
export function compileNamePattern(source: string): NamePatternResult {
  if (source.length > MAX_PATTERN)
    return { ok: false, message: `the pattern is longer than ${MAX_PATTERN} characters` };
  const nfc = sameNameKey(source);
  return nfc.startsWith(REGEX_PREFIX) ? compileRegex(nfc.slice(REGEX_PREFIX.length)) : compileTemplate(nfc);
}

function compileRegex(source: string): NamePatternResult {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (error) {
    return { ok: false, message: `not a valid regular expression: ${(error as Error).message}` };
  }
  const groups = Object.keys(re.namedGroups());
  const unknown = groups.filter((g) => !g.startsWith('_') && fieldByKeyOrLabel(g) === undefined);
  if (unknown.length > 0) return { ok: false, message: `no field is named ${unknown.map((g) => `"${g}"`).join(', ')}` };
  const named = groups
    .filter((g) => !g.startsWith('_'))
    .map((g) => ({ group: g, field: fieldByKeyOrLabel(g)?.name as string }));
  const twice = named.find((n, i) => named.findIndex((m) => m.field === n.field) !== i);
  if (twice !== undefined) return { ok: false, message: `two groups fill ${twice.field}` };
  if (named.length === 0) return { ok: false, message: 'name a group after a field, e.g. (?<genotype>[^_]+)' };
  return {
    ok: true,
    pattern: {
      fields: named.map((n) => n.field),
      match(fileName, dateFields = NO_FIELDS) {
        const m = re.matcher(sameNameKey(fileName));
        if (!m.find()) return { matched: false };
        const texts: Record<string, string> = {};
        for (const { group, field } of named) {
          const text = m.group(group);
          if (text !== null) texts[field] = text;
        }
        return taken(texts, dateFields);
      },
    },
  };
}

function compileTemplate(source: string): NamePatternResult {
  const pieces = templatePieces(source);
  if (typeof pieces === 'string') return { ok: false, message: pieces };
  const fields = pieces.flatMap((p) => ('field' in p && p.field !== null ? [p.field] : []));
  if (fields.length === 0)
    return { ok: false, message: 'put at least one {field} in the pattern, e.g. {genotype}_{*}.tif' };
  const regex = pieces.map((p) => ('literal' in p ? RE2JS.quote(p.literal) : '(.*?)')).join('');
  const re = RE2JS.compile(`^${regex}$`, RE2JS.CASE_INSENSITIVE | RE2JS.DOTALL);
  const slots = pieces.filter((p): p is { field: string | null } => 'field' in p);
  const apply = (name: string): Record<string, string> | null => {
    const m = re.matcher(name);
    if (!m.matches()) return null;
    const texts: Record<string, string> = {};
    slots.forEach((slot, i) => {
      if (slot.field !== null) texts[slot.field] = m.group(i + 1) ?? '';
    });
    return texts;
  };
  const last = pieces.at(-1);
  const withExtension = last !== undefined && 'literal' in last && last.literal.includes('.');
  return {
    ok: true,
    pattern: {
      fields,
      match(fileName, dateFields = NO_FIELDS) {
        const name = sameNameKey(fileName);
        const texts = apply(withExtension ? name : withoutExtension(name));
        return texts === null ? { matched: false } : taken(texts, dateFields);
      },
    },
  };
}

/** Splits a template into literal text and slots; a string is what is wrong with it. */
function templatePieces(source: string): Piece[] | string {
  const pieces: Piece[] = [];
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const two = source.slice(i, i + 2);
    if (two === '{{' || two === '}}') {
      literal += two[0];
      i += 2;
      continue;
    }
    const ch = source[i] as string;
    if (ch === '}') return `a "}" at character ${i + 1} closes nothing (write }} for a brace)`;
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const end = source.indexOf('}', i);
    if (end === -1) return `the "{" at character ${i + 1} is never closed`;
    const name = source.slice(i + 1, end).trim();
    const spec = name === '*' ? null : fieldByKeyOrLabel(name);
    if (spec === undefined) return `{${name}} is not a field (use a sidecar key such as {genotype}, or {*} to skip)`;
    if (literal === '' && pieces.length > 0) return `{${name}} follows another placeholder: put text between them`;
    if (spec !== null && pieces.some((p) => 'field' in p && p.field === spec.name)) return `{${name}} appears twice`;
    if (literal !== '') pieces.push({ literal });
    literal = '';
    pieces.push({ field: spec === null ? null : spec.name });
    i = end + 1;
  }
  if (literal !== '') pieces.push({ literal });
  return pieces;
}

/** `a.ome.tif` → `a`; `a.tif` → `a`. */
function withoutExtension(fileName: string): string {
  return fileName.replace(/\.ome\.tiff?$|\.[^.]*$/i, '');
}

/** The value of each taken text, or why it is not valid; a compact date in a date field as `YYYY-MM-DD`. */
function taken(texts: Record<string, string>, dateFields: ReadonlySet<string>): NameMatch {
  const byField: Record<string, TakenValue> = {};
  const values: FieldValues = {};
  const problems: string[] = [];
  for (const [field, text] of Object.entries(texts)) {
    const parsed = parseFieldInput(field, inDateFormat(text, field, dateFields));
    if (parsed.ok) values[field] = parsed.value;
    else problems.push(parsed.message);
    byField[field] = parsed.ok ? { text, ok: true, value: parsed.value } : { text, ok: false, message: parsed.message };
  }
  return { matched: true, taken: byField, values, problems };
}
