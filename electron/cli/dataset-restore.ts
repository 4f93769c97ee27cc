/**
 * `acqmeta restore <folder> --undo|--before <id>` for a record of a dataset file
 * (`acqmeta.dataset.json`): the file put back to its text before the record (or removed when
 * the record created it), only while it still holds what AcqMeta's latest write of it left.
 */
import path from 'node:path';
import { DATASET_FILE_NAME } from '../../shared/dataset';
import { ApiFailure } from '../../shared/errors';
import type { InstrumentFileRecord } from '../../shared/journal';
import { planDatasetRestore, writeDatasetFile } from '../services/dataset';
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
  const labelOf = (absFolder: string) => path.relative(io.cwd, path.join(absFolder, DATASET_FILE_NAME));
  let planned;
  try {
    planned = planDatasetRestore(folder, records, id, labelOf);
  } catch (error) {
    const conflict = error instanceof ApiFailure && error.code === 'CONFLICT';
    throw new CliError(conflict ? EXIT.conflict : EXIT.usage, (error as Error).message);
  }
  if (planned === null) return null;
  const { record, absFolder, before, now } = planned;
  const label = labelOf(absFolder);
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
