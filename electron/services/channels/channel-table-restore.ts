/**
 * Restoring a channel table to before one of its journal records, for the command line and the
 * app alike: the plan (the rows put back or taken out by Channel ID, the table removed, or why
 * not: changed since AcqMeta wrote it, earlier text not kept, a link out of the folder), and its
 * write, checked again against the bytes AcqMeta's latest write of the file left.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelTableRestorePlan, SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import {
  planTableRestore,
  tableRecordOf,
  tableRestoreOf,
  type ChannelTableRecord,
  type TableRestoreRefusal,
} from '../../../shared/journal';
import { leavesFolder } from '../folder';
import type { FileWriteJournal } from '../journal';
import { channelTableInForce, writeChannelTableFile } from './channel-table-file';

/** A restore planned: what the review shows, and the file and text its write needs. */
export interface PlannedTableRestore {
  plan: ChannelTableRestorePlan;
  absFile: string;
  /** The text written back; null: the file is removed. */
  text: string | null;
}

const NO_ROWS = { added: [], removed: [], changed: [] };

/**
 * Plans restoring the table of record (or batch) `id` of `tables` (files relative to `folder`)
 * to before it, reading the file now; null when `id` names no table record. Writes nothing.
 */
export async function planChannelTableRestore(
  folder: string,
  tables: readonly ChannelTableRecord[],
  id: string,
): Promise<PlannedTableRestore | null> {
  const record = tableRecordOf(tables, id);
  const restore = tableRestoreOf(tables, id);
  if (record === null || restore === null) return null;
  const label = record.file;
  const absFile = path.join(folder, ...label.split('/'));
  const base = { id: record.id, file: label, action: record.action, time: record.time };
  const refused = (refusal: TableRestoreRefusal): PlannedTableRestore => ({
    plan: { ...base, removes: false, rows: NO_ROWS, expected: null, refusal },
    absFile,
    text: null,
  });
  if (typeof restore === 'string') return refused({ kind: 'unrestorable', message: restore });
  if (await leavesFolder(await realpath(folder), absFile))
    return refused({ kind: 'unrestorable', message: `${label} links outside ${folder}; it is not read or written` });
  const planned = planTableRestore(restore, channelTableInForce(absFile, label), label);
  if (planned.refusal !== null) return refused(planned.refusal);
  return { plan: { ...base, ...planned }, absFile, text: restore.text };
}

/**
 * Writes a planned restore through `writeChannelTableFile`, journaled by `journal`, if the file
 * is still the version `expected` (the one the review saw); CONFLICT when it changed (since
 * AcqMeta wrote it, or since the review), INVALID_VALUE when the earlier table cannot be had.
 */
export async function writeTableRestore(
  { plan, absFile, text }: PlannedTableRestore,
  expected: SidecarVersion | null,
  journal: FileWriteJournal,
): Promise<SidecarVersion | null> {
  if (plan.refusal !== null)
    throw new ApiFailure(
      plan.refusal.kind === 'changed' ? 'CONFLICT' : 'INVALID_VALUE',
      plan.refusal.message,
      plan.file,
    );
  if ((expected?.sha256 ?? null) !== (plan.expected?.sha256 ?? null))
    throw new ApiFailure('CONFLICT', `${plan.file} changed since the review: nothing written`, plan.file);
  return writeChannelTableFile(absFile, plan.file, text, plan.expected, journal);
}
