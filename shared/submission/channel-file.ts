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

/** Images and the channel table in force for them (null: none), named as messages name it. */
export interface TableGroup {
  readonly label: string;
  readonly table: ChannelTable | null;
  readonly images: readonly SubmissionImage[];
}

/** The channel tables in force: one for every image (null: none), or each image's table in force, the images grouped by it. */
export type ChannelsInForce = ChannelTable | null | readonly TableGroup[];

/** `channels` as groups: a single table (or none) is the group of all `images`. */
function groupsOf(channels: ChannelsInForce, images: readonly SubmissionImage[]): readonly TableGroup[] {
  if (channels === null || !Array.isArray(channels))
    return [{ label: CHANNEL_TABLE_NAME, table: channels as ChannelTable | null, images }];
  return channels as readonly TableGroup[];
}

/** Most images a group without a table names by path; the rest are counted. */
const NAMED = 3;

/** Why the images of `group` have no table, when other groups do: the images named, the first few by path. */
function noTableFor(group: TableGroup): string {
  const paths = group.images.slice(0, NAMED).map((image) => image.path);
  const more = group.images.length > NAMED ? `, … (${group.images.length} images)` : '';
  return `no channel table (${CHANNEL_TABLE_NAME}) is in force for ${paths.join(', ')}${more}: Spreadsheet › Channel table… or acqmeta export --format channels drafts one in their folder`;
}

/**
 * The file of `spec` from the channel tables in force for `images`: each table's rows it takes,
 * checked against the images it is in force for; a row several tables give alike is written once.
 */
export function channelFileTable(
  spec: ChannelFileSpec,
  channels: ChannelsInForce,
  images: readonly SubmissionImage[],
): SubmissionTable {
  const groups = groupsOf(channels, images);
  if (groups.length === 1) return groupTable(spec, groups[0] as TableGroup, null);
  const tables = groups.map((group) => groupTable(spec, group, group.table === null ? noTableFor(group) : group.label));
  const seen = new Set<string>();
  const rows = tables
    .flatMap((table) => table.rows)
    .filter((row) => {
      const key = JSON.stringify(row);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return { columns: spec.columns.map((column) => column.rule.name), rows, todo: tables.flatMap((t) => t.todo) };
}

/**
 * The file of `spec` from one group's table; `named` (when several tables are in force) is the
 * table's label, added to each to-do row, or for a group without a table the reason to give.
 */
function groupTable(spec: ChannelFileSpec, group: TableGroup, named: string | null): SubmissionTable {
  const channels = group.table;
  const columns = spec.columns.map((column) => column.rule.name);
  const where = channels === null || named === null ? '' : ` (${named})`;
  const headerOnly = (required: boolean, reason: string): SubmissionTable => ({
    columns,
    rows: [],
    todo: [{ row: `${spec.file}${where}`, column: 'every row', required, reason }],
  });
  if (channels === null)
    return headerOnly(
      true,
      `${named ?? NO_CHANNEL_TABLE}; the file has ${named === null ? 'its header only' : 'no rows for them'}`,
    );
  const mismatch = channelTableMismatch(channels, group.images);
  if (mismatch !== null)
    return headerOnly(true, `the channel table does not fit the images, so nothing is taken from it: ${mismatch}`);
  const taken = channels.rows.filter(spec.takes);
  if (taken.length === 0) return headerOnly(false, spec.noRows);
  const found = spec.columns.map((column) => columnNamed(channels, column.names));
  const todo: TodoItem[] = [];
  const rows = taken.map((row, i) => {
    const label = `${spec.file} ${(row['Channel ID'] ?? '') === '' ? `row ${i + 1}` : row['Channel ID']}${where}`;
    return spec.columns.map(({ rule, names, fixed }, c) => {
      const source = fixed === undefined ? channelSource(rule, row, found[c], names[0] ?? rule.name) : { fact: fixed };
      return fillCell(rule, source, label, todo, spec.repository);
    });
  });
  return { columns, rows, todo };
}
