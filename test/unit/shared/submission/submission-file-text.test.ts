/**
 * The text of the HuBMAP and HTAN files as written: a text cell a spreadsheet program would run
 * as a formula is escaped with a `'`, numbers are written without floating-point noise.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import type { ChannelTable } from '../../../../shared/channels/channel-table';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import { parseTableVerbatim } from '../../../../shared/sheets/table-text';
import { submissionParts, type SubmissionImage } from '../../../../shared/submission';

const HEADER: HeaderValues = {
  shape: '(64, 64)',
  dims: "('Y', 'X')",
  sizes: "{'Y': 64, 'X': 64}",
  dtype: 'uint16',
  num_channels: 1,
  num_scenes: 1,
  date: '',
  time: '',
};

/** An image whose file records the noise vendors' XML and unit conversions leave in numbers. */
const NOISY: SubmissionImage = {
  path: 'scan.czi',
  format: 'czi',
  header: HEADER,
  acquisition: {
    software: '=cmd|calc',
    objective: { name: '@SUM(1)', na: 1.4000000000000001, magnification: 63 },
    pixel_size_um: { x: 0.09999999999999999, y: 0.09999999999999999 },
    sources: ['czi'],
  },
  values: DEFAULT_FIELD_VALUES,
};

/** A channel table whose cells a spreadsheet would run (the tab before `=1+2` is taken off when the table is read). */
const TABLE: ChannelTable = {
  columns: ['Channel ID', 'Channel Name', 'Target Name', 'Antibody Name', 'RRID identifier', 'Lot', 'Clone'],
  rows: [
    {
      'Channel ID': 'Channel:0:0',
      'Channel Name': '+cmd',
      'Target Name': '=HYPERLINK("http://x","y")',
      'Antibody Name': '@SUM(1)',
      'RRID identifier': 'RRID:AB_123',
      Lot: '=1+2',
      Clone: '-5',
      'Excitation Wavelength': '488.00000000000006',
    },
  ],
};

/** The cells of a written file by column name, read back as every cell is. */
function cellsOf(text: string, format: 'csv' | 'tsv'): Record<string, string>[] {
  const [header, ...rows] = parseTableVerbatim(text, format);
  return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i] ?? ''])));
}

describe('submission files as written', () => {
  it("HTAN: text a spreadsheet would run gets a ', a number is written as it is, without noise", () => {
    const channels = { ...TABLE, columns: [...TABLE.columns, 'Excitation Wavelength'] };
    const [manifest, channelFile] = submissionParts('htan:imaging-level-2', {
      folderName: 'd',
      images: [NOISY],
      channels,
    });
    const [row] = cellsOf(manifest!.text, 'csv');
    expect(row).toMatchObject({
      'Software and Version': "'=cmd|calc",
      Objective: "'@SUM(1)",
      LensNA: '1.4',
      PhysicalSizeX: '0.1',
      PhysicalSizeY: '0.1',
      NominalMagnification: '63',
    });
    expect(cellsOf(channelFile!.text, 'csv')).toEqual([
      expect.objectContaining({
        'Channel Name': "'+cmd",
        'Target Name': '\'=HYPERLINK("http://x","y")',
        'Antibody Name': "'@SUM(1)",
        Lot: "'=1+2",
        Clone: '-5',
        'RRID identifier': 'AB_123',
        'Excitation Wavelength': '488',
      }),
    ]);
  });

  it("HuBMAP: the antibodies' and the dataset's text cells are escaped alike", () => {
    const [metadata, , antibodies] = submissionParts('hubmap:confocal', {
      folderName: 'd',
      images: [NOISY],
      channels: TABLE,
    });
    expect(cellsOf(antibodies!.text, 'tsv')).toEqual([expect.objectContaining({ lot_number: "'=1+2" })]);
    expect(metadata!.text).not.toMatch(/(^|\t)[=+@-]/m);
  });
});
