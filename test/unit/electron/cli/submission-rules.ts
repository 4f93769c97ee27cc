/**
 * Test helper: a written table read back with every cell checked by the bundled rules of its
 * HuBMAP template or HTAN component (template-rules.ts), as the unit tests assert it.
 */
import { expect } from 'vitest';
import type { ColumnRule } from '../../../../shared/submission';
import { ruledTable } from './template-rules';

export { hubmapRules, htanRules, template } from './template-rules';

/**
 * The table's rows as records; fails unless the header is the rules' columns in order and
 * every row has them all, each written cell passing its column's own rules as bundled.
 */
export function checkedRows(
  text: string,
  format: 'tsv' | 'csv',
  rules: readonly ColumnRule[],
): Record<string, string>[] {
  const table = ruledTable(text, format, rules);
  expect(table.header).toEqual(rules.map((rule) => rule.name));
  expect(table.problems).toEqual([]);
  return table.rows;
}
