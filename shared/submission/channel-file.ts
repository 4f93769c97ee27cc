/**
 * A submission file with one row per channel, made from the channel table in force: the rows
 * a format takes (all, or the antibodies'), each column filled from the table's column of the
 * same name. Without a table, or with one that does not fit the images, the file has its
 * header only and the to-do says why.
 */
import { CHANNEL_TABLE_NAME, type ChannelTable } from '../channels/channel-table';
import { channelSource, channelTableMismatch, columnNamed } from './channel-cells';
import type { ColumnRule } from './column-rules';
import type { Fact, SubmissionImage } from './image-facts';
import { fillCell, type SubmissionTable, type TodoItem } from './submission-cells';

/** One column of a channel file: its rule, the channel-table column names that may fill it (the first is the one to add), or a fixed value. */
export interface ChannelFileColumn {
  readonly rule: ColumnRule;
  readonly names: readonly string[];
  readonly fixed?: Fact;
}

/** What a channel file is made of. */
export interface ChannelFileSpec {
  /** The file's name, which begins each to-do row. */
  readonly file: string;
  readonly columns: readonly ChannelFileColumn[];
  /** Whether a channel-table row has a row in the file. */
  readonly takes: (row: Readonly<Record<string, string>>) => boolean;
  /** Why the file has no rows when the table has none it takes. */
  readonly noRows: string;
  /** Who may add a term to a list (HuBMAP, HTAN). */
  readonly repository: string;
}

/** How to get a channel table when none is in force. */
export const NO_CHANNEL_TABLE = `no channel table (${CHANNEL_TABLE_NAME}) is in force for the folder: Spreadsheet › Channel table… or acqmeta export --format channels drafts one`;

/** The file of `spec` from `channels` for `images`. */
export function channelFileTable(
  spec: ChannelFileSpec,
  channels: ChannelTable | null,
  images: readonly SubmissionImage[],
): SubmissionTable {
  const columns = spec.columns.map((column) => column.rule.name);
  const headerOnly = (required: boolean, reason: string): SubmissionTable => ({
    columns,
    rows: [],
    todo: [{ row: spec.file, column: 'every row', required, reason }],
  });
  if (channels === null) return headerOnly(true, `${NO_CHANNEL_TABLE}; the file has its header only`);
  const mismatch = channelTableMismatch(channels, images);
  if (mismatch !== null)
    return headerOnly(true, `the channel table does not fit the images, so nothing is taken from it: ${mismatch}`);
  const taken = channels.rows.filter(spec.takes);
  if (taken.length === 0) return headerOnly(false, spec.noRows);
  const found = spec.columns.map((column) => columnNamed(channels, column.names));
  const todo: TodoItem[] = [];
  const rows = taken.map((row, i) => {
    const label = `${spec.file} ${(row['Channel ID'] ?? '') === '' ? `row ${i + 1}` : row['Channel ID']}`;
    return spec.columns.map(({ rule, names, fixed }, c) => {
      const source = fixed === undefined ? channelSource(rule, row, found[c], names[0] ?? rule.name) : { fact: fixed };
      return fillCell(rule, source, label, todo, spec.repository);
    });
  });
  return { columns, rows, todo };
}
