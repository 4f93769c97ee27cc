/**
 * What is wrong in a channel table (each problem names the row and column), and whether an
 * image's channels match the table in force for it.
 */
import type { HeaderValues } from '../image-header';
import type { Acquisition } from '../acquisition/acquisition-types';
import type { ChannelTable } from './channel-table';

/** One problem of a table: the 0-based row (null for the whole table), the column, and what is wrong. */
export interface ChannelTableProblem {
  row: number | null;
  column: string | null;
  message: string;
}

const RRID = /^RRID:AB_\d+$/;
const WAVELENGTHS = ['Excitation Wavelength', 'Emission Wavelength'] as const;

/** Problems of a table: Channel IDs missing or repeated, RRIDs not `RRID:AB_<digits>`, wavelengths not in nm. */
export function channelTableProblems(table: ChannelTable): ChannelTableProblem[] {
  const problems: ChannelTableProblem[] = [];
  const ids = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const at = `Row ${i + 1}`;
    const id = row['Channel ID'] ?? '';
    if (id === '') problems.push({ row: i, column: 'Channel ID', message: `${at}: Channel ID is empty` });
    else if (ids.has(id))
      problems.push({
        row: i,
        column: 'Channel ID',
        message: `${at}: Channel ID “${id}” is also that of row ${(ids.get(id) as number) + 1}`,
      });
    else ids.set(id, i);
    const rrid = row['RRID identifier'] ?? '';
    if (rrid !== '' && !RRID.test(rrid))
      problems.push({
        row: i,
        column: 'RRID identifier',
        message: `${at}: RRID identifier “${rrid}” is not of the form RRID:AB_ followed by digits`,
      });
    for (const column of WAVELENGTHS) {
      const text = row[column] ?? '';
      if (text !== '' && !(/^\d+(\.\d+)?$/.test(text) && Number(text) > 0 && Number(text) < 100_000))
        problems.push({
          row: i,
          column,
          message: `${at}: ${column} “${text}” is not a wavelength in nm (a number such as 488)`,
        });
    }
  });
  return problems;
}

/** The channel names an image's file records, in order; empty when it names none. */
function headerChannelNames(acquisition: Acquisition | undefined): string[] {
  const names = (acquisition?.channels ?? []).map((channel) => channel.name ?? '');
  return names.every((name) => name !== '') ? names : [];
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why an image's channels do not match the table in force (`label` names its file); null when
 * they do. The count is the header's number of channels; names are compared only where both
 * the file and the table name every channel.
 */
export function channelMismatch(
  table: ChannelTable,
  label: string,
  header: HeaderValues,
  acquisition: Acquisition | undefined,
): string | null {
  const listed = table.rows.length;
  const count = Number(header.num_channels);
  if (Number.isInteger(count) && count !== listed)
    return `The channel table ${label} lists ${listed} channel${listed === 1 ? '' : 's'}; the image has ${count}.`;
  const names = headerChannelNames(acquisition);
  const tableNames = table.rows.map((row) => row['Channel Name'] ?? '');
  if (names.length !== listed || tableNames.some((name) => name === '')) return null;
  const differ = names.findIndex((name, i) => !sameName(name, tableNames[i] as string));
  if (differ < 0) return null;
  return `The channel table ${label} names channel ${differ + 1} “${tableNames[differ]}”; the image’s file names it “${names[differ]}”.`;
}
