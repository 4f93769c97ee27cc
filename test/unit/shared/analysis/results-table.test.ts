import { describe, expect, it } from 'vitest';
import { buildResultsTable, readAnalyses, type ResultsSource } from '../../../../shared/analysis';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import type { TableCell } from '../../../../shared/sheets/table-text';
import { fixtureText } from '../sidecar/fixture-text';
import { LINESCANS, linescanText, sidecarOf } from './linescan-fixtures';

function source(path: string, text: string): ResultsSource {
  const sidecar = sidecarOf(text);
  return { path, values: sidecar.fieldValues(), analyses: readAnalyses(sidecar) };
}

/** The summaries of a sidecar read off its lines (Python's layout), independently of the parser. */
function summaryLines(text: string): Map<string, string>[] {
  const records: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line === '      "summary": {') current = new Map();
    else if (current && /^ {6}\}/.test(line)) {
      records.push(current);
      current = null;
    } else if (current) {
      const match = /^ {8}"([^"]+)": (.*?),?$/.exec(line);
      if (match) current.set(match[1] as string, match[2] as string);
    }
  }
  return records;
}

/** A table's cells as text (a number cell as its text), to compare with the sidecars' text. */
function texts(rows: readonly (readonly TableCell[])[]): string[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : cell.number)));
}

const table = buildResultsTable(LINESCANS.map((name) => source(name.replace(/\.json$/, ''), linescanText(name))));
const rows = texts(table.rows);
const column = (name: string): number => table.columns.findIndex((c) => c.name === name);

describe('buildResultsTable', () => {
  it('has the path, every editable field of the field table, the record identity, then the summary keys', () => {
    expect(table.columns.map((c) => c.name)).toEqual([
      'path',
      ...EDITABLE_FIELDS.map((f) => f.name),
      'analysis',
      'roi_id',
      'channel',
      'num_windows',
      'velocity_cv',
      'velocity_mean',
      'velocity_median',
      'diameter_um_cv',
      'diameter_um_mean',
      'diameter_um_median',
      'num_qc_center_violations',
      'num_qc_diameter_violations',
      'num_qc_edge_violations',
    ]);
    expect(table.columns.find((c) => c.name === 'depth')?.kind).toBe('number');
    expect(table.columns.find((c) => c.name === 'genotype')?.kind).toBe('text');
    expect(table.columns.find((c) => c.name === 'accepted')?.kind).toBe('boolean');
    expect(table.columns.find((c) => c.name === 'velocity_mean')?.kind).toBe('number');
  });

  it('has one row per analysis record, with the image fields beside it', () => {
    expect(rows).toHaveLength(6 * 8);
    const first = rows[0] as string[];
    expect(first[column('path')]).toBe('ls_01.tif');
    expect(first[column('genotype')]).toBe('WT');
    expect(first[column('depth')]).toBe('120.0');
    expect(first[column('physical_unit_y')]).toBe('0.00095');
    expect(first[column('physical_label_x')]).toBe('um');
    expect(first[column('branch_order')]).toBe('');
    expect([first[column('analysis')], first[column('roi_id')], first[column('channel')]]).toEqual([
      'radon_velocity',
      '1',
      '0',
    ]);
    expect(rows.filter((r) => r[column('genotype')] === 'APP/PS1')).toHaveLength(24);
  });

  it.each(LINESCANS)(
    '%s: every summary value equals the sidecar text to the last digit (NaN blank, Infinity inf)',
    (name) => {
      const ofImage = rows.filter((r) => r[0] === name.replace(/\.json$/, ''));
      const expected = summaryLines(linescanText(name));
      expect(ofImage).toHaveLength(expected.length);
      ofImage.forEach((row, i) => {
        const summary = expected[i] as Map<string, string>;
        for (const [key, text] of summary) {
          expect(row[column(key)]).toBe(text === 'NaN' ? '' : text === 'Infinity' ? 'inf' : text);
        }
        const others = table.columns.slice(column('channel') + 1).filter((c) => !summary.has(c.name));
        for (const other of others) expect(row[column(other.name)]).toBe('');
      });
    },
  );

  it('keeps number text a float round trip would change, and blanks a key a record lacks', () => {
    const canonical = buildResultsTable([source('x.tif', fixtureText('canonical.tif.json'))]);
    const at = (row: number, name: string) =>
      texts(canonical.rows)[row]?.[canonical.columns.findIndex((c) => c.name === name)];
    expect(at(1, 'big')).toBe('1e+16');
    expect(at(1, 'tiny')).toBe('5e-324');
    expect(at(1, 'min_velocity')).toBe('-inf');
    expect(at(1, 'mean_velocity')).toBe('');
    expect(at(0, 'fraction')).toBe('0.004408400000000001');
    expect(at(0, 'values')).toBe('[1.0, NaN, 2.5]');
    expect(at(0, 'n')).toBe('');
    expect(at(1, 'n')).toBe('42');
    const old = rows.find((r) => r[0] === 'ls_03.tif' && r[column('analysis')] === 'diameter');
    expect(old?.[column('num_qc_edge_violations')]).toBe('');
    expect(old?.[column('num_qc_center_violations')]).not.toBe('');
  });

  it('renames a summary key that repeats a leading column, and adds no rows for images without records', () => {
    const text = fixtureText('minimal-2ch-imagej.tif.json').replace(
      '"analysis": []',
      '"analysis": [{"analysis_name": "count", "channel": 1, "roi_id": null, "detection_params": {}, "summary": {"channel": 2, "path": "p"}}]',
    );
    const built = buildResultsTable([
      source('a.tif', text),
      source('b.tif', fixtureText('minimal-2ch-imagej.tif.json')),
    ]);
    expect(built.columns.slice(-2).map((c) => c.name)).toEqual(['summary_channel', 'summary_path']);
    expect(texts(built.rows)).toEqual([
      [
        'a.tif',
        ...EDITABLE_FIELDS.map(
          (f) =>
            ({
              physical_unit_x: '1.0',
              physical_unit_y: '1.0',
              physical_label_x: 'Pixels',
              physical_label_y: 'Pixels',
              accepted: 'true',
            })[f.name] ?? '',
        ),
        'count',
        '',
        '1',
        '2',
        'p',
      ],
    ]);
  });

  it('types each cell by what the sidecar stores: numbers are numbers, text is text even when it reads "-5"', () => {
    const text = fixtureText('minimal-2ch-imagej.tif.json')
      .replace('"depth": null', '"depth": -5.0')
      .replace('"genotype": ""', '"genotype": "-5"')
      .replace(
        '"analysis": []',
        '"analysis": [{"analysis_name": "=cmd", "channel": 1, "roi_id": 2, "detection_params": {}, "summary": {"n": -3, "low": -Infinity, "label": "-3", "ok": true}}]',
      );
    const built = buildResultsTable([source('a.tif', text)]);
    const cell = (name: string) => built.rows[0]?.[built.columns.findIndex((c) => c.name === name)];
    expect([cell('depth'), cell('n'), cell('low'), cell('roi_id'), cell('channel')]).toEqual([
      { number: '-5.0' },
      { number: '-3' },
      { number: '-inf' },
      { number: '2' },
      { number: '1' },
    ]);
    expect([cell('genotype'), cell('label'), cell('analysis'), cell('ok'), cell('branch_order')]).toEqual([
      '-5',
      '-3',
      '=cmd',
      'true',
      '',
    ]);
  });
});
