/**
 * A dataset's channel table (`acqmeta.channels.csv`): one row per channel, with MITI's channel
 * attributes as columns. It applies to the images of its folder and below; the nearest one
 * wins, as lab profiles do. Reading keeps every column and row as written (columns AcqMeta does
 * not know included); writing gives RFC 4180 CSV with the known columns first.
 */
import { formatTableVerbatim, parseTableVerbatim, TableSyntaxError } from '../sheets/table-text';

/** The file name of a channel table. */
export const CHANNEL_TABLE_NAME = 'acqmeta.channels.csv';

/** Most bytes a table file may have: ten thousand rows of a dozen ordinary cells fit; a larger file is not read. */
export const MAX_CHANNEL_TABLE_BYTES = 4 * 2 ** 20;

/**
 * Most rows below the header a table may have, blank ones included: more channels than any
 * instrument records, and a bound on its memory.
 */
export const MAX_CHANNEL_ROWS = 10_000;

/** Most columns a table may have: MITI's dozen and a lab's own, with room, and a bound on each row's memory. */
export const MAX_CHANNEL_COLUMNS = 100;

/** Most characters one cell may hold: far more than any channel attribute needs. */
export const MAX_CHANNEL_CELL_CHARS = 2 ** 20;

/** MITI's channel attributes, in the order a new table lists them. */
export const CHANNEL_COLUMNS = [
  'Channel ID',
  'Channel Name',
  'Target Name',
  'Antibody Name',
  'RRID identifier',
  'Fluorophore',
  'Clone',
  'Lot',
  'Vendor',
  'Catalog Number',
  'Excitation Wavelength',
  'Emission Wavelength',
] as const;

/** A channel table: its columns (the known ones first, then any others as found) and rows of cells by column. */
export interface ChannelTable {
  columns: string[];
  rows: Record<string, string>[];
}

/** A channel table with no rows, listing MITI's columns. */
export function emptyChannelTable(): ChannelTable {
  return { columns: [...CHANNEL_COLUMNS], rows: [] };
}

/** A count as the messages write it: `10,000`. */
const count = (n: number): string => n.toLocaleString('en-US');

/** Throws an Error naming the limit when the filled `rows` of a table (header first) have too many columns or too long a cell. */
function checkRowSizes(rows: string[][]): void {
  rows.forEach((row, i) => {
    if (row.length > MAX_CHANNEL_COLUMNS)
      throw new Error(
        `${CHANNEL_TABLE_NAME}, row ${i + 1}: ${count(row.length)} columns; a channel table may have at most ${count(MAX_CHANNEL_COLUMNS)}`,
      );
    const long = row.find((cell) => cell.length > MAX_CHANNEL_CELL_CHARS);
    if (long !== undefined)
      throw new Error(
        `${CHANNEL_TABLE_NAME}, row ${i + 1}: a cell of ${count(long.length)} characters; a cell may hold at most ${count(MAX_CHANNEL_CELL_CHARS)}`,
      );
  });
}

/**
 * Parses a channel table's text. Header names are matched without regard to case or spaces
 * around them; blank lines are skipped. Throws an Error naming the line on malformed CSV, a
 * missing header row or a repeated column, and naming the limit on a table with too many
 * rows or columns or too long a cell.
 */
export function parseChannelTable(text: string): ChannelTable {
  let cells: string[][];
  try {
    cells = parseTableVerbatim(text, 'csv', MAX_CHANNEL_ROWS + 2);
  } catch (error) {
    if (error instanceof TableSyntaxError) throw new Error(`${CHANNEL_TABLE_NAME}, ${error.message}`, { cause: error });
    throw error;
  }
  if (cells.length > MAX_CHANNEL_ROWS + 1)
    throw new Error(
      `${CHANNEL_TABLE_NAME} has more than ${count(MAX_CHANNEL_ROWS)} rows below its header (blank ones included); a channel table may have at most ${count(MAX_CHANNEL_ROWS)}`,
    );
  const filled = cells.filter((row) => row.some((cell) => cell.trim() !== ''));
  checkRowSizes(filled);
  const [header, ...body] = filled;
  if (header === undefined) return emptyChannelTable();
  const known = new Map(CHANNEL_COLUMNS.map((name) => [name.toLowerCase(), name as string]));
  const names = header.map((name) => known.get(name.trim().toLowerCase()) ?? name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`${CHANNEL_TABLE_NAME}, line 1: the column “${name}” appears twice`);
    seen.add(name);
  }
  const columns = [...CHANNEL_COLUMNS.filter((c) => seen.has(c)), ...names.filter((n) => !known.has(n.toLowerCase()))];
  for (const c of CHANNEL_COLUMNS) if (!columns.includes(c)) columns.splice(CHANNEL_COLUMNS.indexOf(c), 0, c);
  const rows = body.map((row) => Object.fromEntries(names.map((name, i) => [name, (row[i] ?? '').trim()])));
  return { columns, rows };
}

/** The table as the file holds it: CSV with CRLF line ends, a header row, then one row per channel. */
export function channelTableText(table: ChannelTable): string {
  return formatTableVerbatim(
    [table.columns, ...table.rows.map((row) => table.columns.map((column) => row[column] ?? ''))],
    'csv',
  );
}
