import { describe, expect, it } from 'vitest';
import {
  formatTable,
  formatTableVerbatim,
  parseTable,
  parseTableVerbatim,
  TableSyntaxError,
} from '../../../../shared/sheets/table-text';

describe('formatTable / parseTable', () => {
  const rows = [
    ['path', 'note', 'species'],
    ['a.tif', 'two\nlines, "quoted"', 'mouse'],
    ['b c.tif', '', 'µ rat'],
  ];

  it('quotes as RFC 4180 says and ends lines with CRLF', () => {
    expect(formatTable(rows, 'csv')).toBe(
      'path,note,species\r\na.tif,"two\nlines, ""quoted""",mouse\r\nb c.tif,,µ rat\r\n',
    );
    expect(formatTable([['a,b', 'c\td']], 'tsv')).toBe('a,b\t"c\td"\r\n');
  });

  it('reads back what it writes, in both formats', () => {
    expect(parseTable(formatTable(rows, 'csv'), 'csv')).toEqual(rows);
    expect(parseTable(formatTable(rows, 'tsv'), 'tsv')).toEqual(rows);
  });

  it('accepts LF line ends, a byte-order mark and a missing final line break', () => {
    expect(parseTable('\uFEFFpath,depth\nx.tif,\n"y.tif",3', 'csv')).toEqual([
      ['path', 'depth'],
      ['x.tif', ''],
      ['y.tif', '3'],
    ]);
  });

  it('reports the line of a quote that never closes or of text after a closing quote', () => {
    expect(() => parseTable('a,b\r\n"x,y\r\n', 'csv')).toThrow(new TableSyntaxError(2, 'a quoted field never ends'));
    expect(() => parseTable('a,b\r\n"x"y,z\r\n', 'csv')).toThrow(new TableSyntaxError(2, 'text after a closing quote'));
  });

  it('writes and reads a verbatim table cell for cell, formula characters and quotes included', () => {
    const cells = [['=1+1', "'=1+1", '-5', '@x']];
    expect(formatTableVerbatim(cells, 'csv')).toBe("=1+1,'=1+1,-5,@x\r\n");
    expect(parseTableVerbatim("=1+1,'=1+1,-5,@x\r\n", 'csv')).toEqual(cells);
  });
});
