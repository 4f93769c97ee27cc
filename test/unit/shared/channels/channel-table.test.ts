import { describe, expect, it } from 'vitest';
import { channelMismatch, channelTableProblems } from '../../../../shared/channels/channel-check';
import { channelGroups, draftChannelTable, groupChannelTable } from '../../../../shared/channels/channel-draft';
import {
  CHANNEL_COLUMNS,
  channelTableText,
  MAX_CHANNEL_CELL_CHARS,
  MAX_CHANNEL_COLUMNS,
  MAX_CHANNEL_ROWS,
  parseChannelTable,
} from '../../../../shared/channels/channel-table';

const header = (num_channels: number) => ({
  shape: '',
  dims: '',
  sizes: '',
  dtype: 'uint8',
  num_channels,
  num_scenes: 1,
  date: '',
  time: '',
});

describe('channel tables', () => {
  it('reads any column order and case, keeps unknown columns, and writes MITI’s columns first', () => {
    const table = parseChannelTable('\uFEFFchannel name, Channel ID ,Notes\r\nDAPI,Channel:0:0,"a, b"\n\n');
    expect(table.columns).toEqual([...CHANNEL_COLUMNS, 'Notes']);
    expect(table.rows).toEqual([{ 'Channel Name': 'DAPI', 'Channel ID': 'Channel:0:0', Notes: 'a, b' }]);
    const text = channelTableText(table);
    expect(text.split('\r\n')[0]).toBe(`${CHANNEL_COLUMNS.join(',')},Notes`);
    expect(parseChannelTable(text).rows[0]).toMatchObject(table.rows[0]!);
  });

  it('reads a table at its row, column and cell limits, and refuses one past each, naming the limit', () => {
    const rows = (n: number) => `Channel ID\r\n${'x\r\n'.repeat(n)}`;
    expect(parseChannelTable(rows(MAX_CHANNEL_ROWS)).rows).toHaveLength(MAX_CHANNEL_ROWS);
    expect(() => parseChannelTable(rows(MAX_CHANNEL_ROWS + 1))).toThrow(
      'acqmeta.channels.csv has more than 10,000 rows below its header (blank ones included); a channel table may have at most 10,000',
    );
    // blank lines count: a file of line breaks is refused without keeping a row for each
    expect(() => parseChannelTable(`Channel ID${'\n'.repeat(4 * 2 ** 20)}`)).toThrow('more than 10,000 rows');
    const columns = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    expect(parseChannelTable(columns(MAX_CHANNEL_COLUMNS)).columns).toContain(`c${MAX_CHANNEL_COLUMNS - 1}`);
    expect(() => parseChannelTable(`Channel ID\r\n${columns(MAX_CHANNEL_COLUMNS + 1)}`)).toThrow(
      'acqmeta.channels.csv, row 2: 101 columns; a channel table may have at most 100',
    );
    const cell = (n: number) => `Channel ID\r\n"${'µ'.repeat(n)}"`;
    expect(parseChannelTable(cell(MAX_CHANNEL_CELL_CHARS)).rows[0]!['Channel ID']).toHaveLength(MAX_CHANNEL_CELL_CHARS);
    expect(() => parseChannelTable(cell(MAX_CHANNEL_CELL_CHARS + 1))).toThrow(
      'acqmeta.channels.csv, row 2: a cell of 1,048,577 characters; a cell may hold at most 1,048,576',
    );
  });

  it('refuses malformed CSV and a repeated column, naming the line', () => {
    expect(() => parseChannelTable('Channel ID\r\n"open')).toThrow(/acqmeta\.channels\.csv, line 2/);
    expect(() => parseChannelTable('Channel ID,channel id\r\n')).toThrow(/appears twice/);
  });

  it('finds empty and repeated Channel IDs, bad RRIDs and wavelengths that are not nm', () => {
    const table = parseChannelTable(
      'Channel ID,RRID identifier,Excitation Wavelength,Emission Wavelength\r\n' +
        'A,RRID:AB_123,488,525\r\nA,AB_1,488nm,0\r\n,,405,\r\n',
    );
    expect(channelTableProblems(table).map((p) => [p.row, p.column])).toEqual([
      [1, 'Channel ID'],
      [1, 'RRID identifier'],
      [1, 'Excitation Wavelength'],
      [1, 'Emission Wavelength'],
      [2, 'Channel ID'],
    ]);
  });

  it('compares an image’s channel count, then its names where both name every channel', () => {
    const table = parseChannelTable('Channel ID,Channel Name\r\n1,DAPI\r\n2,GFP\r\n');
    expect(channelMismatch(table, 't.csv', header(3), undefined)).toBe(
      'The channel table t.csv lists 2 channels; the image has 3.',
    );
    const named = (a: string, b: string) => ({ sources: ['ome' as const], channels: [{ name: a }, { name: b }] });
    expect(channelMismatch(table, 't.csv', header(2), named('dapi', 'GFP'))).toBeNull();
    expect(channelMismatch(table, 't.csv', header(2), named('DAPI', 'Cy5'))).toContain('channel 2 “GFP”');
  });

  it('drafts the layout most images share, with names, fluorophores and wavelengths', () => {
    const two = {
      sources: ['ome' as const],
      channels: [
        { name: 'DAPI', excitation_nm: 405 },
        { name: 'GFP', fluor: 'EGFP' },
      ],
    };
    const draft = draftChannelTable(
      channelGroups([
        { path: 'a.tif', channelCount: 2, acquisition: two },
        { path: 'b.tif', channelCount: 2, acquisition: two },
        { path: 'c.tif', channelCount: 3, acquisition: undefined },
      ]),
    );
    expect(draft.rows).toEqual([
      {
        'Channel ID': 'Channel:0:0',
        'Channel Name': 'DAPI',
        Fluorophore: '',
        'Excitation Wavelength': '405',
        'Emission Wavelength': '',
      },
      {
        'Channel ID': 'Channel:0:1',
        'Channel Name': 'GFP',
        Fluorophore: 'EGFP',
        'Excitation Wavelength': '',
        'Emission Wavelength': '',
      },
    ]);
    expect(draftChannelTable(channelGroups([])).rows).toEqual([]);
  });

  it('groups the images by the channels they record, the largest group first, and agrees on one', () => {
    // exposures and digits past what the table writes do not part images
    const named = (...names: string[]) => ({
      sources: ['ome' as const],
      channels: names.map((name, i) => ({ name, excitation_nm: 488 + 1e-9 * names.length, exposure_s: i })),
    });
    const same = channelGroups([
      { path: 'x/a.czi', channelCount: 2, acquisition: named('DAPI', 'GFP') },
      { path: 'x/b.czi', channelCount: 2, acquisition: named('DAPI', 'GFP') },
    ]);
    expect(same).toEqual([
      {
        channelCount: 2,
        channels: [
          { name: 'DAPI', excitation_nm: 488 },
          { name: 'GFP', excitation_nm: 488 },
        ],
        images: 2,
        first: 'x/a.czi',
      },
    ]);
    const mixed = channelGroups([
      { path: 'a.oib', channelCount: 3, acquisition: named('CH1', 'CH2', 'TD1') },
      { path: 'b.nd2', channelCount: 2, acquisition: named('DAPI', 'GFP') },
      { path: 'c.tif', channelCount: 2, acquisition: undefined },
      { path: 'd.nd2', channelCount: 2, acquisition: named('DAPI', 'GFP') },
      { path: 'e.tif', channelCount: 0, acquisition: undefined },
      { path: 'f.tif', channelCount: 2, acquisition: named('DAPI') },
    ]);
    // c.tif records no channels and f.tif fewer than it has: both are two channels not named
    expect(mixed.map(({ channelCount, images, first }) => ({ channelCount, images, first }))).toEqual([
      { channelCount: 2, images: 2, first: 'b.nd2' },
      { channelCount: 2, images: 2, first: 'c.tif' },
      { channelCount: 3, images: 1, first: 'a.oib' },
    ]);
    expect(mixed[1]?.channels).toEqual([]);
    expect(groupChannelTable(mixed[2]!).rows.map((row) => row['Channel Name'])).toEqual(['CH1', 'CH2', 'TD1']);
    expect(draftChannelTable(mixed)).toEqual(groupChannelTable(mixed[0]!));
  });
});
