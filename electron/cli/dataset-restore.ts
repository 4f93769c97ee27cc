/**
 * `acqmeta restore <folder> --undo|--before <id>` for a record of a dataset file
 * (`acqmeta.dataset.json`): the file put back to its text before the record (or removed when
 * the record created it), only while it still holds what AcqMeta's latest write of it left.
 */
import path from 'node:path';
import { DATASET_FILE_NAME, parseDatasetFile } from '../../shared/dataset';
import type { InstrumentFileRecord } from '../../shared/journal';
import { readDatasetFile, writeDatasetFile } from '../services/dataset';
import { journalPlaces } from '../services/journal';
import { CliError, EXIT, type CliIo } from './cli-io';

/** How the restore runs: the journal's file records (relative to `folder`), the id, the action's words. */
export interface DatasetRestore {
  readonly folder: string;
  readonly records: readonly InstrumentFileRecord[];
  readonly id: string;
  readonly action: string;
  readonly dryRun: boolean;
}

/** Puts the dataset file of record (or batch) `id` back as it was before it; null when `id` names no dataset file record. */
export async function restoreDataset(
  { folder, records, id, action, dryRun }: DatasetRestore,
  io: CliIo,
): Promise<number | null> {
  const ofDataset = records.filter((r) => r.file.split('/').pop() === DATASET_FILE_NAME);
  const record = ofDataset.find((r) => r.id === id || r.batch === id);
  if (record === undefined) return null;
  const latest = ofDataset.filter((r) => r.file === record.file).at(-1) as InstrumentFileRecord;
  const absFolder = path.join(folder, ...path.dirname(record.file).split('/'));
  const label = path.relative(io.cwd, path.join(absFolder, DATASET_FILE_NAME));
  let now;
  try {
    now = readDatasetFile(absFolder, label);
  } catch (error) {
    throw new CliError(EXIT.usage, `nothing restored: ${(error as Error).message}`);
  }
  if ((now.version?.sha256 ?? null) !== (latest.after?.sha256 ?? null))
    throw new CliError(
      EXIT.conflict,
      `${label} is not what AcqMeta's latest write of it (record ${latest.id}) left: nothing restored`,
    );
  if (record.before !== null && record.beforeText === undefined)
    throw new CliError(EXIT.usage, `the journal did not keep ${label}'s text before record ${record.id}`);
  const before = record.beforeText === undefined ? null : parseDatasetFile(record.beforeText, label);
  if (!dryRun) {
    const places = journalPlaces({
      roots: [folder],
      onFallback: (root, dir) => io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
    });
    await writeDatasetFile(absFolder, label, before, now.version, { places, tool: 'acqmeta', action });
  }
  const what = before === null ? 'removed' : `its values and people before record ${record.id}`;
  await io.out.line(`${dryRun ? 'would restore' : 'restored'} ${label}: ${what}`);
  return EXIT.ok;
}
