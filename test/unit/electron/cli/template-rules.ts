/**
 * Test helper without a test runner (the unit tests and the app's end-to-end tests share it):
 * the bundled rules of a HuBMAP template or HTAN component, and a written table read back with
 * every cell checked by them.
 */
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

/** A table read back: its header, its rows by column, and what breaks the rules (a short row, a cell its column refuses). */
export interface RuledTable {
  readonly header: readonly string[];
  readonly rows: Record<string, string>[];
  readonly problems: string[];
}

/** The table `text` read by `rules`: each written cell checked by its column's own rules as bundled. */
export function ruledTable(text: string, format: 'tsv' | 'csv', rules: readonly ColumnRule[]): RuledTable {
  const [header = [], ...rows] = parseTableVerbatim(text, format);
  const problems: string[] = [];
  const records = rows.map((row, r) => {
    if (row.length !== rules.length) problems.push(`row ${r + 1}: ${row.length} cells, not ${rules.length}`);
    rules.forEach((rule, i) => {
      const cell = row[i] ?? '';
      const check = cell === '' ? null : checkCell(rule, cell);
      if (check !== null && check.text !== cell)
        problems.push(`${rule.name} "${cell}" ${check.text === null ? check.problem : `becomes "${check.text}"`}`);
    });
    return Object.fromEntries(rules.map((rule, i) => [rule.name, row[i] ?? '']));
  });
  return { header, rows: records, problems };
}
