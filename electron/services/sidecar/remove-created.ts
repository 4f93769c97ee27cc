/**
 * Undoing a sidecar's creation, as a save: the file is removed only if it still holds the
 * bytes AcqMeta's latest record wrote (the version the caller expects), journaled like any
 * write (`after` null), under the lock `saveFieldChanges` holds.
 */
import path from 'node:path';
import { ApiFailure } from '../../../shared/errors';
import { DEFAULT_FIELD_VALUES } from '../../../shared/fields/field-table';
import { ioFailure, sameVersion } from './file-snapshot';
import type { SidecarFile } from './read-sidecar-file';
import type { SaveOptions, SaveResult } from './save-options';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';
import { WriteBatch } from './write-batch';
import type { SidecarOnDisk } from './write-sidecar-file';
import { removeInWorker } from './write-worker-client';

/**
 * Removes the sidecar found as `onDisk` (read as `file`); callers hold the lock. Unchanged when
 * there is none. Fails with `CONFLICT`, nothing removed, when it is not `options.expected` (another
 * program wrote it: its bytes are not AcqMeta's to remove) or is a link; `IO` when the disk refuses.
 */
export async function removeCreated<T>(
  imagePath: string,
  onDisk: SidecarOnDisk,
  file: SidecarFile,
  options: SaveOptions,
): Promise<SaveResult<T>> {
  const none = { changed: false, version: null, before: null, taken: undefined as T, damagedKeptAs: null };
  const { snapshot } = onDisk;
  if (snapshot === null) return none;
  const name = sidecarNameFor(imagePath);
  if (onDisk.target !== sidecarPathFor(imagePath))
    throw new ApiFailure('CONFLICT', `${name} is a link, not a file AcqMeta wrote: not removed`, imagePath);
  const { expected } = options;
  if (expected === 'latest' || !sameVersion(snapshot.version, expected)) {
    const why = `${name} is not the file AcqMeta wrote (changed since by another program): not removed`;
    throw new ApiFailure('CONFLICT', why, imagePath);
  }
  const before = file.state === 'ok' ? file.sidecar.fieldValues() : null;
  const removed = { ...none, changed: true, before };
  if (options.dryRun === true) return removed;
  // a removal changes no field: the journal keeps the values the file held (a rebuild writes them back)
  const journal = await options.journal?.({
    imagePath,
    before,
    after: before ?? DEFAULT_FIELD_VALUES,
    absentBefore: [],
    previous: snapshot.version,
  });
  const folders = options.batch ?? new WriteBatch();
  try {
    await removeInWorker({
      target: onDisk.target,
      found: { version: snapshot.version, stamp: snapshot.stamp },
      name,
      imagePath,
      journal: journal ?? null,
    });
  } catch (error) {
    throw ioFailure(error, `${name} could not be removed`, imagePath);
  } finally {
    folders.touched(path.dirname(onDisk.target));
    if (options.batch === undefined) await folders.finish();
  }
  return removed;
}
