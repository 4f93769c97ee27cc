/**
 * `acqmeta restore <folder> --before <id>` for a channel table record: the table put back to
 * its text before the record (or removed when the record created it), only while the file
 * still holds the bytes of the latest channel table record of that file; and the journaled
 * table write the command line's table writers share.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { SidecarVersion } from '../../shared/api';
import { channelRowChanges, describeRowChanges } from '../../shared/channels/channel-diff';
import { parseChannelTable, type ChannelTable } from '../../shared/channels/channel-table';
import { ApiFailure } from '../../shared/errors';
import { tableRestoreOf, type ChannelTableRecord } from '../../shared/journal';
import { channelTableInForce, writeChannelTableFile, type LoadedChannelTable } from '../services/channels';
import { leavesFolder } from '../services/folder';
import { journalPlaces } from '../services/journal';
import { CliError, EXIT, type CliIo } from './cli-io';
import { printable } from './output';

/**
 * Writes `table` (a text byte for byte; null removes the file) at `absFile` in `folder` if it is
 * still the version `expected`, through `writeChannelTableFile`, journaled as `action`; a
 * refusal as the exit code it means (2 invalid, 3 changed or not written).
 */
export async function writeTableJournaled(
  folder: string,
  absFile: string,
  label: string,
  table: ChannelTable | string | null,
  expected: SidecarVersion | null,
  action: string,
  io: CliIo,
): Promise<void> {
  const places = journalPlaces({
    roots: [folder],
    onFallback: (root, dir) => io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
  });
  try {
    await writeChannelTableFile(absFile, label, table, expected, { places, tool: 'acqmeta', action });
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    throw new CliError(error.code === 'INVALID_VALUE' ? EXIT.usage : EXIT.conflict, error.message);
  }
}

/** The table at `absFile` now; exit 3 naming it when it cannot be read (not a regular file, too large). */
function tableNow(absFile: string, label: string): LoadedChannelTable | null {
  const now = channelTableInForce(absFile, label);
  if (now !== null && now.version === null)
    throw new CliError(EXIT.conflict, `cannot read ${label}: ${now.problem ?? 'unknown'}`);
  return now;
}

/** Exit 3 unless the file holds what `latest` wrote (its `after`; null: no file). */
function checkUnchanged(now: SidecarVersion | null, latest: ChannelTableRecord, label: string): void {
  const same = latest.after === null ? now === null : now !== null && now.sha256 === latest.after.sha256;
  if (!same)
    throw new CliError(EXIT.conflict, `${label} changed since AcqMeta wrote it (record ${latest.id}): nothing written`);
}

/**
 * Restores the channel table before record (or batch) `id` of `tables` (files relative to
 * `folder`), or with `dryRun` says what it would write; null when `id` names no table record.
 */
export async function restoreChannelTable(
  folder: string,
  tables: readonly ChannelTableRecord[],
  id: string,
  dryRun: boolean,
  io: CliIo,
): Promise<number | null> {
  const restore = tableRestoreOf(tables, id);
  if (restore === null) return null;
  if (typeof restore === 'string') throw new CliError(EXIT.usage, restore);
  const { record, latest, text } = restore;
  const label = record.file;
  const absFile = path.join(folder, ...label.split('/'));
  if (await leavesFolder(await realpath(folder), absFile))
    throw new CliError(EXIT.usage, `${label} links outside ${folder}; it is not read or written`);
  const now = tableNow(absFile, label);
  checkUnchanged(now?.version ?? null, latest, label);
  let rows: string;
  try {
    rows = describeRowChanges(channelRowChanges(now?.table ?? null, text === null ? null : parseChannelTable(text)));
  } catch (error) {
    throw new CliError(EXIT.usage, `${label}: the earlier table cannot be read: ${(error as Error).message}`);
  }
  const what = text === null ? 'removed' : rows;
  if (!dryRun) {
    await writeTableJournaled(folder, absFile, label, text, now?.version ?? null, `restore --before ${id}`, io);
  }
  await io.out.line(printable(`${dryRun ? 'would restore' : 'restored'} ${label}: ${what}`));
  await io.out.flush();
  return EXIT.ok;
}
