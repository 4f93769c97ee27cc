/**
 * The channel table dialog's grid, as pure functions: which folder it is for, where its rows
 * came from, the cells as they are saved, and what keeps it from being saved.
 */
import type { ChannelTableInfo } from '../../../shared/api';
import { folderOfRelPath } from '../../../shared/across-folders';
import { groupChannelTable, type ChannelGroup } from '../../../shared/channels/channel-draft';
import { channelTableText, type ChannelTable } from '../../../shared/channels/channel-table';
import type { ChannelTableProblem } from '../../../shared/channels/channel-check';
import { plural } from '../lib/format';

/**
 * The folder a channel table is edited for: the nearest folder holding every image of `paths`
 * (one image: its folder), relative to the open folder; `''` (the open folder) for none.
 */
export function channelTableFolder(paths: Iterable<string>): string {
  let common: string[] | null = null;
  for (const path of paths) {
    const parts = folderOfRelPath(path).split('/').filter(Boolean);
    if (common === null) common = parts;
    else {
      let same = 0;
      while (same < common.length && common[same] === parts[same]) same++;
      common = common.slice(0, same);
    }
  }
  return (common ?? []).join('/');
}

/** The grid the dialog starts from: the folder's own table when it can be read, else the draft from the headers. */
export function startingTable(info: ChannelTableInfo): ChannelTable {
  const from = info.table ?? info.draft;
  return { columns: [...from.columns], rows: from.rows.map((row) => ({ ...row })) };
}

/** The grid drafted from one group of `info` (0-based), or null when there is no such group or the folder has its own table. */
export function groupDraft(info: ChannelTableInfo, group: number): ChannelTable | null {
  const chosen = info.groups[group];
  return info.table === null && chosen !== undefined ? groupChannelTable(chosen) : null;
}

/** Most channel names a group's description lists. */
const NAMES_SHOWN = 6;

/** How the dialog describes a group: its channels, how many images record them, and the first of those. */
export function channelGroupText({ channelCount, channels, images, first }: ChannelGroup): string {
  const names = channels.slice(0, NAMES_SHOWN).map((c, i) => c.name ?? c.fluor ?? `channel ${i + 1} unnamed`);
  const more = channels.length > NAMES_SHOWN ? ', …' : '';
  const what = names.length > 0 ? ` (${names.join(', ')}${more})` : ', not named in the files,';
  return `${plural(channelCount, 'channel')}${what} in ${plural(images, 'image')}, the first ${first}`;
}

/** Where the grid's rows came from and what saving does, one sentence each, for the dialog. */
export function channelTableOrigin(info: ChannelTableInfo): string[] {
  if (info.table !== null) return [`From ${info.file}.`];
  const lines: string[] = [];
  if (info.problem !== null) lines.push(`${info.file} cannot be read: ${info.problem}`);
  lines.push(
    info.draft.rows.length > 0
      ? `Drafted from the headers of ${plural(info.images, 'image')}: complete it.`
      : `No image header here names its channels (${plural(info.images, 'image')}): add the channels.`,
  );
  if (info.problem !== null) lines.push(`Saving replaces ${info.file}; that cannot be undone.`);
  else if (info.inForce !== null && info.inForce !== info.file)
    lines.push(`The table in force is ${info.inForce}; saving creates one for this folder (${info.file}).`);
  else lines.push(`Saving creates ${info.file}.`);
  return lines;
}

/** The table as it is saved: every column of every row, its text tidied (see tidyCell). */
export function tidyChannelTable(table: ChannelTable): ChannelTable {
  return {
    columns: [...table.columns],
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, tidyCell(c, row[c] ?? '')]))),
  };
}

/** A cell as it is saved: trimmed; a wavelength typed with its unit (`561nm`, `488 nm`) as the number. */
function tidyCell(column: string, text: string): string {
  const trimmed = text.trim();
  if (!column.endsWith('Wavelength')) return trimmed;
  return /^(\d+(?:\.\d+)?)\s*nm$/i.exec(trimmed)?.[1] ?? trimmed;
}

/** Whether two tables would be saved as the same file. */
export function sameChannelTable(a: ChannelTable, b: ChannelTable): boolean {
  return channelTableText(tidyChannelTable(a)) === channelTableText(tidyChannelTable(b));
}

/** A new row for the table: the next free `Channel:0:<n>` as its Channel ID, the rest empty. */
export function newChannelRow(table: ChannelTable): Record<string, string> {
  const ids = new Set(table.rows.map((row) => row['Channel ID'] ?? ''));
  let n = table.rows.length;
  while (ids.has(`Channel:0:${n}`)) n++;
  return { 'Channel ID': `Channel:0:${n}` };
}

/** Why the grid cannot be saved as it is (shown beside the disabled Save); null when it can. */
export function channelSaveBlocker(
  info: ChannelTableInfo,
  table: ChannelTable,
  problems: readonly ChannelTableProblem[],
): string | null {
  const [first, ...more] = problems;
  if (first !== undefined)
    return `To save, fix ${first.message}${more.length > 0 ? ` (and ${more.length} more)` : ''}.`;
  if (table.rows.length === 0) return 'Add at least one channel to save.';
  if (info.table !== null && sameChannelTable(info.table, table)) return `Nothing changed from ${info.file}.`;
  return null;
}
