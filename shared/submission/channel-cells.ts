/**
 * Cells of a submission's channel files taken from the channel table in force: a template
 * column is filled from the table's column of the same name (case, spacing and underscores
 * aside), RRIDs without their `RRID:` prefix, and a channel table that does not fit the images
 * is named with both sides.
 */
import { channelMismatch } from '../channels/channel-check';
import { CHANNEL_TABLE_NAME, type ChannelTable } from '../channels/channel-table';
import { numericText } from '../number-text';
import type { ColumnRule } from './column-rules';
import type { SubmissionImage } from './image-facts';
import type { CellSource } from './submission-cells';
import { normaliseTerm } from './term-match';

/** The channel table's columns that name an antibody: a row with either filled is an antibody's. */
const ANTIBODY_COLUMNS = ['Antibody Name', 'RRID identifier'] as const;

/** Whether a channel-table row names an antibody. */
export function namesAntibody(row: Readonly<Record<string, string>>): boolean {
  return ANTIBODY_COLUMNS.some((column) => (row[column] ?? '') !== '');
}

/** The channel table's column named like one of `names` (case, spacing and underscores aside), or undefined. */
export function columnNamed(table: ChannelTable, names: readonly string[]): string | undefined {
  const wanted = new Set(names.map(normaliseTerm));
  return table.columns.find((column) => wanted.has(normaliseTerm(column)));
}

/** An RRID as the repositories write it: `AB_…`, without the `RRID:` prefix a channel table keeps (taken off any column named for RRIDs). */
export function bareRrid(text: string): string {
  return text.replace(/^RRID:\s*/i, '');
}

/**
 * What fills the cell of `rule` in the file's row of channel-table `row`: the value of `column`
 * (absent: the table has no such column), a number without the noise of a value drafted from a
 * vendor's XML (`488.00000000000006` as `488`); a required cell it leaves empty says which column would fill it.
 */
export function channelSource(
  rule: ColumnRule,
  row: Readonly<Record<string, string>>,
  column: string | undefined,
  wanted: string,
): CellSource {
  const text = column === undefined ? '' : (row[column] ?? '');
  if (text !== '') {
    const value = /rrid/i.test(column as string)
      ? bareRrid(text)
      : rule.number === undefined
        ? text
        : numericText(text);
    return { fact: { value, from: `channel table's ${column}` } };
  }
  if (!rule.required) return null;
  return {
    fact: null,
    reason:
      column === undefined
        ? `the channel table has no column for it (add one named "${wanted}")`
        : `the channel table's ${column} is empty`,
  };
}

/** Most images a mismatch names by path; the rest are counted. */
const NAMED_IMAGES = 3;

/**
 * Why `table` does not fit the channels `images` record (their channel counts and names),
 * each difference with its images counted and the first few named; null when it fits them all.
 */
export function channelTableMismatch(table: ChannelTable, images: readonly SubmissionImage[]): string | null {
  const groups = new Map<string, { count: number; paths: string[] }>();
  for (const image of images) {
    if (image.header === null) continue;
    const why = channelMismatch(table, CHANNEL_TABLE_NAME, image.header, image.acquisition);
    if (why === null) continue;
    const group = groups.get(why) ?? { count: 0, paths: [] };
    group.count++;
    if (group.paths.length < NAMED_IMAGES) group.paths.push(image.path);
    groups.set(why, group);
  }
  if (groups.size === 0) return null;
  return [...groups]
    .map(([why, { count, paths }]) => {
      const more = count > paths.length ? ', …' : '';
      return `${why.replace(/\.$/, '')} (${count} image${count === 1 ? '' : 's'}: ${paths.join(', ')}${more})`;
    })
    .join('; ');
}
