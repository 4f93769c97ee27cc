/**
 * The checks around a save's rename, on the write worker's thread, against writers that do not
 * take AcqMeta's lock (CloudScope, scripts): just before the rename, that the file still holds
 * what the save was made from; just after, that it holds what the save wrote. Either failing is
 * a `CONFLICT` for that file, never a reported success.
 */
import { statSync } from 'node:fs';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { sameStamp, stampOf, type FileStamp } from '../disk';
import { readSnapshotSync } from './read-snapshot-sync';
import type { ReplaceRequest } from './write-worker-protocol';

/** What the checks need of a replace request: the file, what it was made from, names for messages. */
type Checked = Pick<ReplaceRequest, 'target' | 'found' | 'name' | 'imagePath'>;

/**
 * Throws `CONFLICT` unless the target still holds the bytes the save was made from (or is still
 * missing). A file with the stamp it was read with is taken as unchanged, as the scan cache
 * takes it; any other is read again and compared byte for byte (by hash).
 */
export function checkBeforeRename(request: Checked): void {
  const { found } = request;
  const now = stampNow(request.target);
  if (found === null ? now === null : now !== null && sameStamp(now, found.stamp)) return;
  if (!sameBytes(versionNow(request), found?.version ?? null)) {
    throw changedMeanwhile(request, 'it was left as that program wrote it');
  }
}

/**
 * The version on disk just after the rename; throws `CONFLICT` when it is not the bytes
 * written (`written`, whose temp file had the stamp `stamp`). The file is read again only when
 * its stamp differs (a network share that numbers files itself, or another program's write).
 */
export function checkAfterRename(request: Checked, written: SidecarVersion, stamp: FileStamp): SidecarVersion {
  const now = stampNow(request.target);
  if (now !== null && sameStamp(now, stamp)) return written;
  const version = versionNow(request);
  if (version === null || !sameBytes(version, written)) {
    throw changedMeanwhile(request, "that program's version replaced this save's");
  }
  return version;
}

function stampNow(file: string): FileStamp | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat === undefined ? null : stampOf(stat);
}

function versionNow({ target, name, imagePath }: Checked): SidecarVersion | null {
  const snapshot = readSnapshotSync(target, name, imagePath, false);
  return snapshot === null || snapshot === 'link' ? null : snapshot.version;
}

/**
 * Whether two versions (null: no file) hold the same bytes. The modification time is left out:
 * replacing a file that was touched but not changed loses nothing.
 */
function sameBytes(a: SidecarVersion | null, b: SidecarVersion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.sha256 === b.sha256;
}

function changedMeanwhile({ name, imagePath }: Checked, outcome: string): ApiFailure {
  return new ApiFailure(
    'CONFLICT',
    `${name} was changed by another program while it was being saved; ${outcome}`,
    imagePath,
  );
}
