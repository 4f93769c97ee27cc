/**
 * A dataset's channel table (`acqmeta.channels.csv`): one row per channel, with MITI's channel
 * attributes as columns. It applies to the images of its folder and below; the nearest one
 * wins, as lab profiles do. Reading keeps every column and row as written (columns AcqMeta does
 * not know included); writing gives RFC 4180 CSV with the known columns first.
 */
import { formatTableVerbatim, parseTableVerbatim, TableSyntaxError } from '../sheets/table-text';

/** The file name of a channel table. */
export const CHANNEL_TABLE_NAME = 'acqmeta.channels.csv';

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

/**
 * Parses a channel table's text. Header names are matched without regard to case or spaces
 * around them; blank lines are skipped. Throws an Error naming the line on malformed CSV, a
 * missing header row or a repeated column.
 */
export function parseChannelTable(text: string): ChannelTable {
  let cells: string[][];
  try {
    cells = parseTableVerbatim(text, 'csv');
  } catch (error) {
    if (error instanceof TableSyntaxError) throw new Error(`${CHANNEL_TABLE_NAME}, ${error.message}`, { cause: error });
    throw error;
  }
  const [header, ...body] = cells.filter((row) => row.some((cell) => cell.trim() !== ''));
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
