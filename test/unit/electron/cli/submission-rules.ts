/**
 * Test helper: the bundled rules of a HuBMAP template or HTAN component, and a written table
 * read back with every cell checked by them.
 */
import { expect } from 'vitest';
import { parseTableVerbatim } from '../../../../shared/sheets/table-text';
import {
  checkCell,
  htanComponents,
  hubmapTemplates,
  ruleOfAttribute,
  ruleOfField,
  type ColumnRule,
} from '../../../../shared/submission';

/** The bundled HuBMAP template `name`. */
export const template = (name: string) => hubmapTemplates().items.find((t) => t.name === name)!;

/** The rules of template `name`'s columns, in order. */
export const hubmapRules = (name: string): ColumnRule[] =>
  template(name).columns.map((column) => ruleOfField(template(name).fields.find((f) => f.key === column)!));

/** The rules of HTAN component `name`'s attributes, in order. */
export const htanRules = (name: string): ColumnRule[] =>
  htanComponents()
    .items.find((c) => c.name === name)!
    .attributes.map(ruleOfAttribute);

/**
 * The table's rows as records; fails unless the header is the rules' columns in order and
 * every row has them all, each written cell passing its column's own rules as bundled.
 */
export function checkedRows(
  text: string,
  format: 'tsv' | 'csv',
  rules: readonly ColumnRule[],
): Record<string, string>[] {
  const [header, ...rows] = parseTableVerbatim(text, format);
  expect(header).toEqual(rules.map((rule) => rule.name));
  return rows.map((row) => {
    expect(row).toHaveLength(rules.length);
    rules.forEach((rule, i) => {
      if (row[i] !== '') expect(checkCell(rule, row[i]!), `${rule.name}: ${row[i]}`).toEqual({ text: row[i] });
    });
    return Object.fromEntries(rules.map((rule, i) => [rule.name, row[i]!]));
  });
}
