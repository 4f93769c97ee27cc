import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS, type FieldSpec } from '../../../../shared/fields/field-table';
import { escapeFormulaText, startsLikeFormula, unescapeFormulaText } from '../../../../shared/sheets/formula-escape';
import { valueTableCell } from '../../../../shared/sheets/sheet-cell';
import { formatTable, parseTable, tableNumber } from '../../../../shared/sheets/table-text';

const field = (name: string): FieldSpec => EDITABLE_FIELDS.find((f) => f.name === name)!;

describe('escapeFormulaText / unescapeFormulaText', () => {
  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")'],
    ['+', '+1+cmd'],
    ['-', '-5'],
    ['@', '@SUM(1+1)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
  ])('puts a quote before text that begins with %s, and takes it off again', (_, text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(escapeFormulaText(text)).toBe(`'${text}`);
    expect(unescapeFormulaText(`'${text}`)).toBe(text);
  });

  it("escapes a leading quote too, so that a value that really begins with ' comes back as it was", () => {
    for (const text of ["'", "''", "'abc", "'=1+1", "''=1+1"]) {
      expect(escapeFormulaText(text)).toBe(`'${text}`);
      expect(unescapeFormulaText(escapeFormulaText(text))).toBe(text);
    }
    expect(startsLikeFormula("'=1+1")).toBe(false);
  });

  it('leaves other text, the empty cell and a quote in the middle alone, both ways', () => {
    for (const text of ['', 'mouse', 'Thy1-GFP', 'a=b', ' =1+1', '\n=1+1', '5', "it's", '_x000D_']) {
      expect(startsLikeFormula(text)).toBe(false);
      expect(escapeFormulaText(text)).toBe(text);
      expect(unescapeFormulaText(text)).toBe(text);
    }
  });

  it('keeps a quote it did not write: one not followed by a formula character or another quote', () => {
    expect(unescapeFormulaText("'abc")).toBe("'abc");
    expect(unescapeFormulaText("'")).toBe("'");
    expect(unescapeFormulaText("' =1")).toBe("' =1");
  });
});

describe('CSV and TSV tables for spreadsheets', () => {
  it('escapes text cells and writes number cells as they are, whatever their first character', () => {
    const rows = [
      ['path', 'depth', 'note'],
      ['-x.tif', tableNumber('-5.0'), '-5'],
      ['a.tif', tableNumber('-inf'), '@SUM(1+1)'],
      ['b.tif', '', ''],
    ];
    expect(formatTable(rows, 'csv')).toBe(
      "path,depth,note\r\n'-x.tif,-5.0,'-5\r\na.tif,-inf,'@SUM(1+1)\r\nb.tif,,\r\n",
    );
    expect(formatTable([['\t=1+1', '\r=1+1', "'q"]], 'tsv')).toBe(`"'\t=1+1"\t"'\r=1+1"\t''q\r\n`);
  });

  it('reads every cell back as it was before the escape, in both formats', () => {
    const cells = ['=HYPERLINK("http://evil.example","click")', '+1', '-5', '@x', '\tx', '\rx', "'", "'=1", '', 'ok'];
    for (const format of ['csv', 'tsv'] as const) {
      expect(parseTable(formatTable([cells, ['-5.0']], format), format)).toEqual([cells, ['-5.0']]);
    }
  });

  it('decides by the field type: a number of a number field is a number, the same text in a text field is text', () => {
    expect(valueTableCell(-5, field('depth'))).toEqual({ number: '-5.0' });
    expect(valueTableCell(-5, field('branch_order'))).toEqual({ number: '-5' });
    expect(valueTableCell('-5', field('genotype'))).toBe('-5');
    expect(valueTableCell('-5', field('depth'))).toBe('-5');
    expect(valueTableCell(-7, field('genotype'))).toBe('-7'); // a text field that holds a JSON number
    expect(valueTableCell(null, field('depth'))).toBe('');
    const written = formatTable(
      [
        [
          valueTableCell(-5, field('depth')),
          valueTableCell('-5', field('genotype')),
          valueTableCell(true, field('accepted')),
        ],
      ],
      'csv',
    );
    expect(written).toBe("-5.0,'-5,true\r\n");
  });
});
