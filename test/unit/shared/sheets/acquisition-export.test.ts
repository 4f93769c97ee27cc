/**
 * The acquisition columns of the exports: their values for acquisitions read from real files
 * (test/fixtures/acquisition/, test/fixtures/tiff/), the CSV and OMERO tables that carry them,
 * and the import that recognises them and ignores them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACQUISITION_VALUE_COLUMNS,
  acquisitionColumnNamed,
  acquisitionValue,
  ignoredColumnsMessage,
} from '../../../../shared/acquisition/acquisition-columns';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import { omeroTable } from '../../../../shared/sheets/omero-table';
import { acquisitionTableCell, valueTableCell } from '../../../../shared/sheets/sheet-cell';
import { exportTable, type ExportRow } from '../../../../shared/sheets/table-export';
import { planRows, readLayout, readRows } from '../../../../shared/sheets/table-import';
import { formatTable, parseTable } from '../../../../shared/sheets/table-text';
import { readTiffSummary } from '../../../../shared/tiff';
import { parseXml } from '../../../../shared/tiff/xml';
import { memorySource } from '../tiff/memory-source';
import { ACQUISITION_COLUMN_NAMES } from './acquisition-column-names';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const defaults: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

async function tiffAcquisition(name: string): Promise<Acquisition> {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
  const { acquisition } = await readTiffSummary(memorySource(bytes), { fileName: path.basename(name) });
  if (acquisition === undefined) throw new Error(`${name} records no acquisition`);
  return acquisition;
}

function xmlAcquisition(name: string): Acquisition {
  const root = parseXml(readFileSync(path.join(FIXTURES, name), 'utf8'));
  if (root === null) throw new Error(`${name} is not XML`);
  return omeAcquisition(root);
}

/** A column's value by export name. */
const valueOf = (name: string, acquisition: Acquisition | undefined) =>
  acquisitionValue(
    ACQUISITION_VALUE_COLUMNS.find((c) => c.name === name)!,
    acquisition,
  );

/** Every column's value, by export name. */
const values = (acquisition: Acquisition | undefined) =>
  Object.fromEntries(ACQUISITION_VALUE_COLUMNS.map((c) => [c.name, acquisitionValue(c, acquisition)]));

/** The LSM image's acquisition cells as text: instrument, objective, NA, channels, z step, interval, acquired. */
const LSM_CELLS = [
  '',
  'EC Plan-Neofluar 40x/1.30 Oil DIC M27',
  '1.3',
  'ChS1 (Alexa Fluor 568) ex 561',
  '',
  '',
  '2014-04-03 15:44',
];

let lsm: Acquisition;
let hyperstack: Acquisition;
let instrument: Acquisition;
let timeLapse: Acquisition;

beforeAll(async () => {
  lsm = await tiffAcquisition('tiff/zeiss/jimpipeline_test.lsm');
  hyperstack = await tiffAcquisition('tiff/generated/imagej-hyperstack-tzcyx-u16.tif');
  instrument = xmlAcquisition('acquisition/ome-xml/ometypes_seq0000xy01c1.ome.xml');
  timeLapse = xmlAcquisition(
    'acquisition/ome-xml/ometypes_image_stack_tpzc_50tp_2p_5z_3c_512k_1_MMStack_2-Pos000_000.ome.xml',
  );
});

describe('the acquisition columns', () => {
  it('are named apart from every field, in the table’s order', () => {
    expect(ACQUISITION_VALUE_COLUMNS.map((c) => c.name)).toEqual(ACQUISITION_COLUMN_NAMES);
    const fieldNames = EDITABLE_FIELDS.flatMap((f) => [f.name, f.displayName].map((n) => n.toLowerCase()));
    for (const column of ACQUISITION_VALUE_COLUMNS)
      for (const name of [column.name, column.label, column.longLabel])
        expect(fieldNames).not.toContain(name.toLowerCase());
  });

  it('are recognised by export name, table label or long label, in any case', () => {
    expect(acquisitionColumnNamed('acquisition_na')?.key).toBe('na');
    expect(acquisitionColumnNamed(' NUMERICAL APERTURE ')?.key).toBe('na');
    expect(acquisitionColumnNamed('Z step (µm)')?.key).toBe('zstep');
    expect(acquisitionColumnNamed('channel names')?.key).toBe('channel');
    expect(acquisitionColumnNamed('acquisition')).toBeUndefined();
    expect(acquisitionColumnNamed('genotype')).toBeUndefined();
  });

  it('hold an LSM file’s objective, NA (a number), channel and date; what it does not record is absent', () => {
    expect(values(lsm)).toEqual({
      acquisition_instrument: undefined,
      acquisition_objective: 'EC Plan-Neofluar 40x/1.30 Oil DIC M27',
      acquisition_na: 1.3,
      acquisition_channels: 'ChS1 (Alexa Fluor 568) ex 561',
      acquisition_z_step_um: undefined,
      acquisition_interval_s: undefined,
      acquisition_acquired: '2014-04-03 15:44',
    });
  });

  it('hold an ImageJ hyperstack’s z step as a number, OME instruments and time lapses', () => {
    expect(valueOf('acquisition_z_step_um', hyperstack)).toBe(2);
    expect(valueOf('acquisition_acquired', hyperstack)).toBe('2023-11-05 14:22');
    expect(valueOf('acquisition_instrument', instrument)).toBe('Ti Microscope');
    expect(valueOf('acquisition_channels', instrument)).toBe('Mono em 525');
    expect(values(timeLapse)).toMatchObject({
      acquisition_channels: 'Cy5, DAPI, FITC',
      acquisition_z_step_um: 1.75,
      acquisition_interval_s: 0.001,
    });
    expect(Object.values(values(undefined)).every((v) => v === undefined)).toBe(true);
  });
});

describe('exports with the acquisition columns', () => {
  const rows = (): ExportRow[] => [
    { path: 'zeiss.lsm', values: { ...defaults, depth: 75 }, acquisition: lsm },
    { path: 'raw/stack.tif', values: defaults, acquisition: timeLapse },
    { path: 'plain.tif', values: defaults },
  ];

  it('CSV: the columns after the fields, numbers as written, unknown values empty; without them the fields alone', () => {
    const without = formatTable(exportTable(rows(), valueTableCell), 'csv').split('\r\n');
    const text = formatTable(exportTable(rows(), valueTableCell, acquisitionTableCell), 'csv');
    const lines = text.split('\r\n');
    expect(without[0]).toBe(['path', ...EDITABLE_FIELDS.map((f) => f.name)].join(','));
    expect(lines[0]).toBe(`${without[0]},${ACQUISITION_COLUMN_NAMES.join(',')}`);
    expect(lines[1]).toBe(
      `${without[1]},,EC Plan-Neofluar 40x/1.30 Oil DIC M27,1.3,ChS1 (Alexa Fluor 568) ex 561,,,2014-04-03 15:44`,
    );
    expect(lines[2]).toBe(`${without[2]},,,,"Cy5, DAPI, FITC",1.75,0.001,`);
    expect(lines[3]).toBe(`${without[3]},,,,,,,`);
    expect(parseTable(text, 'csv')[1]!.slice(-7)).toEqual(LSM_CELLS);
  });

  it('OMERO: numbers d, text s, empty number columns named for --allow_nan; off by default', () => {
    const plain = omeroTable(rows(), 'lab');
    const { table, emptyNumbers } = omeroTable(rows(), 'lab', { acquisition: true });
    expect(table[0]).toEqual([...plain.table[0]!, 's', 's', 'd', 's', 'd', 'd', 's']);
    expect(table[1]).toEqual([...plain.table[1]!, ...ACQUISITION_COLUMN_NAMES]);
    expect(table[2]).toEqual([...plain.table[2]!, ...LSM_CELLS]);
    expect(table[3]!.slice(-7)).toEqual(['', '', '', 'Cy5, DAPI, FITC', '1.75', '0.001', '']);
    expect(emptyNumbers).toEqual([
      ...plain.emptyNumbers,
      'acquisition_na',
      'acquisition_z_step_um',
      'acquisition_interval_s',
    ]);
    expect(plain.table[1]).not.toContain('acquisition_na');
  });

  it('are escaped against formulas in CSV like any text (a hostile file’s instrument)', () => {
    const hostile: Acquisition = { instrument: { manufacturer: '=HYPERLINK("x")' }, sources: ['tiff'] };
    const text = formatTable(
      exportTable([{ path: 'a.tif', values: defaults, acquisition: hostile }], valueTableCell, acquisitionTableCell),
      'csv',
    );
    expect(text.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""x"")",`);
  });
});

describe('an import of a table with the acquisition columns', () => {
  it('ignores them, whatever they hold, changes nothing and names them once', () => {
    const table = [
      ['path', 'depth', 'acquisition_na', 'Objective', 'Z step (µm)'],
      ['a.tif', '75.0', '1.3', { formula: 'B2', result: 'x' }, 'not a number'],
    ];
    const read = readLayout(table);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.layout.ignored).toEqual(['acquisition_na', 'Objective', 'Z step (µm)']);
    expect(read.layout.fields.map((f) => f?.name ?? null)).toEqual([null, 'depth', null, null, null]);
    const { rows, errors } = readRows(table, read.layout);
    expect(errors).toEqual([]);
    const { preview, rowChanges } = planRows(read.layout, rows, [
      { kind: 'image', values: { ...defaults, depth: 75 } },
    ]);
    expect(preview).toEqual({
      rows: 1,
      changes: [],
      errors: [],
      warnings: [],
      ignoredColumns: ['acquisition_na', 'Objective', 'Z step (µm)'],
    });
    expect(rowChanges).toEqual([]);
    expect(ignoredColumnsMessage(ACQUISITION_COLUMN_NAMES)).toBe(
      'Ignored 7 acquisition columns: they are read from the image files',
    );
    expect(ignoredColumnsMessage(['NA'])).toBe('Ignored 1 acquisition column: it is read from the image files');
  });

  it('still refuses a column that is neither a field nor an acquisition column', () => {
    expect(readLayout([['path', 'acquisition_software']])).toMatchObject({
      ok: false,
      errors: [{ row: 1, column: 'acquisition_software', message: 'unknown column "acquisition_software"' }],
    });
  });
});
