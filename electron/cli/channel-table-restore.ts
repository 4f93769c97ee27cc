/**
 * `acqmeta restore <folder> --before <id>` for a channel table record: the table put back to
 * its text before the record (or removed when the record created it), planned and checked by
 * the channels service (only while the file still holds the bytes of the latest channel table
 * record of that file); and the journaled table write the command line's table writers share.
 */
import type { SidecarVersion } from '../../shared/api';
import { describeRowChanges } from '../../shared/channels/channel-diff';
import type { ChannelTable } from '../../shared/channels/channel-table';
import { ApiFailure } from '../../shared/errors';
import type { ChannelTableRecord } from '../../shared/journal';
import { planChannelTableRestore, writeChannelTableFile } from '../services/channels';
import { journalPlaces } from '../services/journal';
import { CliError, EXIT, type CliIo } from './cli-io';

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
  const planned = await planChannelTableRestore(folder, tables, id);
  if (planned === null) return null;
  const { plan, absFile, text } = planned;
  if (plan.refusal !== null)
    throw new CliError(plan.refusal.kind === 'changed' ? EXIT.conflict : EXIT.usage, plan.refusal.message);
  const what = plan.removes ? 'removed' : describeRowChanges(plan.rows);
  if (!dryRun) {
    await writeTableJournaled(folder, absFile, plan.file, text, plan.expected, `restore --before ${id}`, io);
  }
  await io.out.line(`${dryRun ? 'would restore' : 'restored'} ${plan.file}: ${what}`);
  await io.out.flush();
  return EXIT.ok;
}
