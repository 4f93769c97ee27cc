/**
 * What every channel-table fuzz case must satisfy: reading the bytes as the app does gives a
 * table or an Error with a message (never another exception); a table stays within the limits,
 * lists MITI's columns, checks without throwing and comes back with the same cells when written and read.
 */
import { isDeepStrictEqual } from 'node:util';
import { channelTableProblems } from '../../shared/channels/channel-check';
import {
  CHANNEL_COLUMNS,
  channelTableText,
  MAX_CHANNEL_CELL_CHARS,
  MAX_CHANNEL_ROWS,
  parseChannelTable,
  type ChannelTable,
} from '../../shared/channels/channel-table';
import { FuzzFailure } from './fuzz-targets';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A table's columns and its rows' cells by column; rows with no cell under a column are left out (they are not written back). */
function cellsOf(table: ChannelTable): string[][] {
  const rows = table.rows.map((row) => table.columns.map((column) => row[column] ?? ''));
  return [table.columns, ...rows.filter((row) => row.some((cell) => cell !== ''))];
}

/** Reads channel-table bytes as the app does; `ok` or `rejected`, or throws a {@link FuzzFailure}. */
export function fuzzChannelTable(bytes: Uint8Array): 'ok' | 'rejected' {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return 'rejected';
  }
  let table;
  try {
    table = parseChannelTable(text);
  } catch (error) {
    if (error instanceof Error && error.constructor === Error && error.message.startsWith('acqmeta.channels.csv'))
      return 'rejected';
    throw new FuzzFailure(`crashed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  if (table.rows.length > MAX_CHANNEL_ROWS) throw new FuzzFailure(`${table.rows.length} rows read`);
  if (table.rows.some((row) => Object.values(row).some((cell) => cell.length > MAX_CHANNEL_CELL_CHARS)))
    throw new FuzzFailure('a cell past the limit read');
  if (!CHANNEL_COLUMNS.every((column) => table.columns.includes(column)))
    throw new FuzzFailure(`MITI's columns missing: ${table.columns.join(', ').slice(0, 400)}`);
  try {
    channelTableProblems(table);
  } catch (error) {
    throw new FuzzFailure(`channelTableProblems threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  let again;
  try {
    again = parseChannelTable(channelTableText(table));
  } catch (error) {
    throw new FuzzFailure(`the table as written does not read back: ${(error as Error)?.message}`);
  }
  if (!isDeepStrictEqual(cellsOf(again), cellsOf(table)))
    throw new FuzzFailure('the table as written reads back otherwise');
  return 'ok';
}
