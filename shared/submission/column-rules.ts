/**
 * A submission column's own rules (HuBMAP template field or HTAN attribute) in one shape, and
 * a value checked against them: regular expression, number type and bounds, controlled terms.
 * Regular expressions run on RE2 (no pattern can hang a check).
 */
import { RE2JS } from 're2js';
import { numberText } from '../number-text';
import type { HtanAttribute, TemplateField } from './metadata-templates';
import { matchTerm } from './term-match';

/** What a column accepts. */
export interface ColumnRule {
  readonly name: string;
  /** The column's name in words (`Parent sample ID`), when the template gives one. */
  readonly label?: string;
  /** What the template says the column holds, its example left in. */
  readonly description?: string;
  /** The template's example of a value (`HBM386.ZGKG.235`), shown when a value is refused. */
  readonly example?: string;
  readonly required: boolean;
  /** The labels a value must be one of; absent: any value. */
  readonly terms?: readonly string[];
  /** A pattern the value must match, found anywhere unless it anchors itself. */
  readonly pattern?: string;
  readonly number?: 'decimal' | 'int';
  readonly min?: number;
  readonly max?: number;
}

/** A value checked: the text to write, or why not (`is not a number`) and what it may have meant. */
export type CellCheck = { text: string } | { text: null; problem: string; suggestions: string[] };

/** The example a template's description ends with (`… Example: HBM386.ZGKG.235`), if it gives one. */
function exampleOf(description: string | undefined): string | undefined {
  const example = /\bExample:\s*(.+?)\s*$/s.exec(description ?? '')?.[1];
  return example === '' ? undefined : example;
}

/** The label, description and example of a column, as the template gives them. */
function wordsOf(label: string | undefined, description: string | undefined) {
  const example = exampleOf(description);
  return {
    ...(label === undefined || label === '' ? {} : { label }),
    ...(description === undefined || description === '' ? {} : { description }),
    ...(example === undefined ? {} : { example }),
  };
}

/** The rule of a HuBMAP template field. */
export function ruleOfField(field: TemplateField): ColumnRule {
  const number = field.type !== 'numeric-field' ? undefined : field.datatype === 'xsd:int' ? 'int' : 'decimal';
  return {
    name: field.key,
    ...wordsOf(field.label, field.description),
    required: field.required,
    ...(field.type === 'controlled-term-field' ? { terms: (field.terms ?? []).map((term) => term.label) } : {}),
    ...(field.regex === undefined ? {} : { pattern: field.regex }),
    ...(number === undefined ? {} : { number }),
    ...(field.minValue === undefined ? {} : { min: field.minValue }),
    ...(field.maxValue === undefined ? {} : { max: field.maxValue }),
  };
}

/** The rule of an HTAN attribute: its valid values and its `num`, `int` and `regex match|search` rules. */
export function ruleOfAttribute(attribute: HtanAttribute): ColumnRule {
  const rules = attribute.validationRules ?? '';
  const regex = /regex (match|search) (\S+)/.exec(rules);
  const number = /(^|::)\s*int\b/.test(rules) ? 'int' : /(^|::)\s*num\b/.test(rules) ? 'decimal' : undefined;
  return {
    name: attribute.name,
    ...wordsOf(undefined, attribute.description),
    required: attribute.required,
    ...(attribute.validValues.length > 0 ? { terms: attribute.validValues } : {}),
    ...(regex === null ? {} : { pattern: regex[1] === 'match' ? `^(?:${regex[2]})` : (regex[2] as string) }),
    ...(number === undefined ? {} : { number }),
  };
}

/** A fact's value as a cell's text: a number without floating-point noise (`1.4`, not `1.4000000000000001`). */
export function cellText(value: string | number): string {
  return typeof value === 'number' ? numberText(value) : value;
}

/** Whether `value` may be written in the column of `rule`, as the column spells it. */
export function checkCell(rule: ColumnRule, value: string | number): CellCheck {
  const text = cellText(value);
  const refuse = (problem: string, suggestions: string[] = []): CellCheck => ({ text: null, problem, suggestions });
  if (/[\t\r\n]/.test(text)) return refuse('holds a tab or a line break');
  if (rule.number !== undefined) {
    const n = typeof value === 'number' ? value : Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return refuse('is not a number');
    if (rule.number === 'int' && !Number.isInteger(n)) return refuse('is not a whole number');
    if (rule.min !== undefined && n < rule.min) return refuse(`is below the least value, ${rule.min}`);
    if (rule.max !== undefined && n > rule.max) return refuse(`is above the greatest value, ${rule.max}`);
  }
  // the pattern stays on the rule for a developer; a person reads the template's example
  if (rule.pattern !== undefined && !RE2JS.compile(rule.pattern).matcher(text).find())
    return refuse(
      `is not in the form the template asks for${rule.example === undefined ? '' : `; for example ${rule.example}`}`,
    );
  if (rule.terms === undefined) return { text };
  const match = matchTerm(text, rule.terms);
  if (match.accepted !== null) return { text: match.accepted };
  return refuse("is not in the template's list", match.suggestions);
}
