/**
 * submissionParts on images built in memory: the companion files of each format, what the
 * channel table fills and what it never fills, and 10,000 images without the to-do growing
 * past one line per image's empty required cell.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import type { ChannelTable } from '../../../../shared/channels/channel-table';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import { submissionParts, todoLines, todoSummaryLines, type SubmissionImage } from '../../../../shared/submission';

const HEADER: HeaderValues = {
  shape: '(2, 64, 64)',
  dims: "('C', 'Y', 'X')",
  sizes: "{'C': 2, 'Y': 64, 'X': 64}",
  dtype: 'uint16',
  num_channels: 2,
  num_scenes: 1,
  date: '',
  time: '',
};

const image = (i: number): SubmissionImage => ({
  path: `img-${i}.ome.tif`,
  format: 'tiff',
  header: HEADER,
  acquisition: { instrument: { manufacturer: 'Leica Microsystems', model: 'STELLARIS 5' }, sources: ['ome'] },
  values: DEFAULT_FIELD_VALUES,
});

const TABLE: ChannelTable = {
  columns: ['Channel ID', 'Target Name', 'Antibody Name', 'RRID identifier', 'Lot', 'Uniprot accession number'],
  rows: [
    { 'Channel ID': 'Ch0', 'Target Name': 'DNA', 'Antibody Name': '', 'RRID identifier': '', Lot: '' },
    {
      'Channel ID': 'Ch1',
      'Target Name': 'CD3',
      'Antibody Name': 'anti-CD3',
      'RRID identifier': 'RRID:AB_12x',
      Lot: '7',
      'Uniprot accession number': 'P07766',
    },
  ],
};

const cellsOf = (table: { columns: readonly string[]; rows: readonly (readonly string[])[] }) =>
  table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i]])));

describe('submissionParts: companions', () => {
  it('antibodies: Target Name never fills hgnc_symbol; an RRID the template refuses stays empty with its reason', () => {
    const [, , antibodies] = submissionParts('hubmap:confocal', {
      folderName: 'd',
      images: [image(0)],
      channels: TABLE,
    });
    expect(antibodies!.name).toBe('antibodies.tsv');
    expect(cellsOf(antibodies!.table)).toEqual([
      expect.objectContaining({
        channel_id: 'Ch1',
        hgnc_symbol: '',
        antibody_rrid: '',
        lot_number: '7',
        uniprot_accession_number: 'P07766',
      }),
    ]);
    expect(antibodies!.table.todo.map(({ column, reason }) => `${column}: ${reason}`)).toEqual([
      'hgnc_symbol: the channel table has no column for it (add one named "HGNC symbol")',
      'antibody_rrid: "AB_12x" (from the channel table\'s RRID identifier) is not in the form the template asks for; for example AB_10002075',
    ]);
  });

  it('segmentation-mask has contributors only; histology no antibodies; the metadata file always first', () => {
    const names = (format: Parameters<typeof submissionParts>[0]) =>
      submissionParts(format, { folderName: 'd', images: [image(0)], channels: TABLE }).map((part) => part.name);
    expect(names('hubmap:segmentation-mask')).toEqual(['segmentation-mask-metadata.tsv', 'contributors.tsv']);
    expect(names('hubmap:histology')).toEqual(['histology-metadata.tsv', 'contributors.tsv']);
    expect(names('hubmap:imc-2d')).toEqual(['imc-2d-metadata.tsv', 'contributors.tsv', 'antibodies.tsv']);
    expect(names('htan:imaging-level-2')).toEqual(['imaging-level-2.csv', 'imaging-level-3-channels.csv']);
    const [mask] = submissionParts('hubmap:segmentation-mask', { folderName: 'd', images: [], channels: null });
    expect(cellsOf(mask!.table)[0]).toMatchObject({ derived_dataset_type: 'Segmentation Mask' });
  });
});

describe('submissionParts: 10,000 images', () => {
  const images = Array.from({ length: 10_000 }, (_, i) => image(i));

  it('HTAN: one manifest row per image, a to-do of the same lines per image, the channel file per channel', () => {
    const [manifest, channels] = submissionParts('htan:imaging-level-2', { folderName: 'd', images, channels: TABLE });
    expect(manifest!.table.rows).toHaveLength(10_000);
    const perImage = submissionParts('htan:imaging-level-2', {
      folderName: 'd',
      images: [image(0)],
      channels: TABLE,
    })[0]!.table.todo.length;
    expect(manifest!.table.todo).toHaveLength(10_000 * perImage);
    expect(channels!.table.rows).toHaveLength(2);
    expect(channels!.table.todo.length).toBeLessThan(20);
  });

  it('the to-do a person reads is a line per column and reason, naming three rows and counting the rest', () => {
    const [manifest] = submissionParts('htan:imaging-level-2', { folderName: 'd', images, channels: TABLE });
    const one = submissionParts('htan:imaging-level-2', { folderName: 'd', images: [image(0)], channels: TABLE })[0]!;
    const summary = todoSummaryLines(manifest!.table.todo);
    expect(summary).toHaveLength(one.table.todo.length);
    const [first] = one.table.todo;
    expect(summary[0]).toBe(
      `${first!.column} (${first!.required ? 'required' : 'optional'}): ${first!.reason} (10,000 rows: ${images
        .slice(0, 3)
        .map((i) => i.path)
        .join(', ')} and 9,997 more)`,
    );
    const few = manifest!.table.todo.filter((item) => item.column === first!.column).slice(0, 10);
    expect(todoSummaryLines(few)).toEqual(todoLines(few));
  });

  it('HuBMAP: one row, and a to-do no longer than for one image', () => {
    const parts = submissionParts('hubmap:confocal', { folderName: 'd', images, channels: TABLE });
    const one = submissionParts('hubmap:confocal', { folderName: 'd', images: [image(0)], channels: TABLE });
    expect(parts.map((part) => part.table.rows.length)).toEqual([1, 0, 1]);
    expect(parts.map((part) => part.table.todo.length)).toEqual(one.map((part) => part.table.todo.length));
  });

  it('a table that does not fit names a few images and counts the rest', () => {
    const [, channels] = submissionParts('htan:imaging-level-2', {
      folderName: 'd',
      images,
      channels: { ...TABLE, rows: TABLE.rows.slice(0, 1) },
    });
    expect(channels!.table.todo).toEqual([
      {
        row: 'imaging-level-3-channels.csv',
        column: 'every row',
        required: true,
        reason:
          'the channel table does not fit the images, so nothing is taken from it: The channel table acqmeta.channels.csv lists 1 channel; the image has 2 (10000 images: img-0.ome.tif, img-1.ome.tif, img-2.ome.tif, …)',
      },
    ]);
  });
});
