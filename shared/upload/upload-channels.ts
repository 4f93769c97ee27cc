/**
 * The channel files of a HuBMAP dataset directory, made from each image's channel table in
 * force: `raw/channel_layout.tsv` (each raw file's channels and the moiety each shows) and, per
 * OME-TIFF, `<name>.ome-tiff.channels.csv` with the four columns HuBMAP's channels sheet asks
 * for first, one row per OME-TIFF channel. A table that is missing or does not fit the image
 * gives no rows for it, and the to-do says why.
 */
import type { ChannelTable } from '../channels/channel-table';
import { channelSource, channelTableMismatch, columnNamed, namesAntibody } from '../submission/channel-cells';
import { NO_CHANNEL_TABLE } from '../submission/channel-file';
import type { ColumnRule } from '../submission/column-rules';
import type { SubmissionImage } from '../submission/image-facts';
import { fillCell, type SubmissionTable, type TodoItem } from '../submission/submission-cells';
import type { SubmissionPart } from '../submission/submission-export';
import { submissionFileText } from '../submission/submission-text';

/** Where HuBMAP's directory schemas want the channel layout, relative to the dataset directory. */
export const CHANNEL_LAYOUT_FILE = 'raw/channel_layout.tsv';

/** One image of the upload with the channel table in force for it (null: none). */
export interface ImageChannels {
  /** The file in the dataset directory the rows are about (`raw/images/a.czi`, `lab_processed/images/a.ome.tiff`). */
  readonly file: string;
  readonly image: SubmissionImage;
  readonly table: ChannelTable | null;
}

const YES_NO = ['Yes', 'No'];

/** The channels sheet's first columns; the two segmentation ones come from channel-table columns of the same names. */
const OME_COLUMNS: readonly ColumnRule[] = [
  { name: 'channel id', required: true },
  { name: 'is channel used for nuclei segmentation', required: true, terms: YES_NO },
  { name: 'is channel used for cell segmentation', required: true, terms: YES_NO },
  { name: 'is antibody', required: true, terms: YES_NO },
];

/** The channel layout's columns: the raw file, then the table's Channel ID, Channel Name and Target Name. */
const LAYOUT_COLUMNS: readonly (ColumnRule & { from: string })[] = [
  { name: 'file', required: true, from: '' },
  { name: 'channel_id', required: true, from: 'Channel ID' },
  { name: 'channel_name', required: false, from: 'Channel Name' },
  { name: 'moiety', required: true, from: 'Target Name' },
];

/** The name of the channels file beside the OME-TIFF `omeName` (`a.ome.tiff` → `a.ome-tiff.channels.csv`). */
export function omeChannelsFileName(omeName: string): string {
  return `${omeName.replace(/\.ome\.tiff?$/i, '')}.ome-tiff.channels.csv`;
}

/** The table's rows for `item`, or none and the to-do saying why. */
function tableRows(item: ImageChannels, todo: TodoItem[]): readonly Record<string, string>[] {
  const mismatch = item.table === null ? null : channelTableMismatch(item.table, [item.image]);
  if (item.table !== null && mismatch === null) return item.table.rows;
  const reason =
    item.table === null
      ? NO_CHANNEL_TABLE
      : `the channel table does not fit the image, so nothing is taken from it: ${mismatch}`;
  todo.push({ row: item.file, column: 'every row', required: true, reason });
  return [];
}

/** The channels file of the OME-TIFF `item.file`, in the same folder: one row per channel, its OME channel ID as the copy writes it. */
export function omeChannelsPart(item: ImageChannels): SubmissionPart {
  const table = omeChannelsTable(item);
  return { name: omeChannelsFileName(item.file), table, text: submissionFileText(table, 'csv'), inDataset: true };
}

/** The dataset's channel layout file: every raw file's channels, from the table in force for each. */
export function channelLayoutPart(items: readonly ImageChannels[]): SubmissionPart {
  const table = channelLayoutTable(items);
  return { name: CHANNEL_LAYOUT_FILE, table, text: submissionFileText(table, 'tsv'), inDataset: true };
}

function omeChannelsTable(item: ImageChannels): SubmissionTable {
  const todo: TodoItem[] = [];
  const table = item.table as ChannelTable;
  const rows = tableRows(item, todo).map((row, c) => {
    const label = `${omeChannelsFileName(item.file)} Channel:0:${c}`;
    return OME_COLUMNS.map((rule, i) => {
      if (i === 0)
        return fillCell(rule, { fact: { value: `Channel:0:${c}`, from: 'OME-TIFF' } }, label, todo, 'HuBMAP');
      if (i === 3) {
        const value = namesAntibody(row) ? 'Yes' : 'No';
        return fillCell(
          rule,
          { fact: { value, from: "channel table's Antibody Name and RRID identifier" } },
          label,
          todo,
          'HuBMAP',
        );
      }
      return fillCell(
        rule,
        channelSource(rule, row, columnNamed(table, [rule.name]), rule.name),
        label,
        todo,
        'HuBMAP',
      );
    });
  });
  return { columns: OME_COLUMNS.map((rule) => rule.name), rows, todo };
}

function channelLayoutTable(items: readonly ImageChannels[]): SubmissionTable {
  const todo: TodoItem[] = [];
  const rows = items.flatMap((item) =>
    tableRows(item, todo).map((row, c) => {
      const label = `${CHANNEL_LAYOUT_FILE} ${item.file} channel ${c + 1}`;
      return LAYOUT_COLUMNS.map((rule) => {
        if (rule.from === '') return item.file.slice(item.file.lastIndexOf('/') + 1);
        const column = columnNamed(item.table as ChannelTable, [rule.from]);
        return fillCell(rule, channelSource(rule, row, column, rule.from), label, todo, 'HuBMAP');
      });
    }),
  );
  return { columns: LAYOUT_COLUMNS.map((rule) => rule.name), rows, todo };
}
