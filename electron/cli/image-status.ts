/**
 * Each image under a folder as `validate`, `report` and `profile init` see it: its sidecar's
 * values and problems and what the lab profile in force finds (no TIFF is read).
 */
import type { ImageStatus } from '../../shared/profile';
import type { ImageEntry } from '../services/folder';
import { profileProblemsOf, type LoadedProfile, type ProfileFinder } from '../services/profile';
import { mapInOrder, storedValues } from '../services/rows';
import { readSidecarFile, sidecarNameFor, type SidecarFile } from '../services/sidecar';
import { withoutFileName } from '../../shared/errors';
import { walkFolder } from './targets';

/** One image's status with where its problems are printed and the profile in force. */
export interface CliImageStatus extends ImageStatus {
  /** `<image>.json`, or `<image> (no sidecar)`. */
  where: string;
  hasSidecar: boolean;
  profile: LoadedProfile | null;
}

async function statusOf(entry: ImageEntry, finder: ProfileFinder): Promise<CliImageStatus> {
  const missing: SidecarFile = { state: 'missing' };
  const [read, profile] = await Promise.all([
    entry.sidecar === 'none' ? missing : readSidecarFile(entry.absPath),
    finder.forImage(entry.absPath),
  ]);
  const hasSidecar = read.state !== 'missing';
  return {
    path: entry.relPath,
    where: hasSidecar ? `${entry.relPath}.json` : `${entry.relPath} (no sidecar)`,
    hasSidecar,
    values: storedValues(read),
    errors: hasSidecar ? read.problems.map((p) => withoutFileName(p, sidecarNameFor(entry.absPath))) : [],
    profileProblems: profileProblemsOf(read, profile),
    profile,
  };
}

/** The status of every image under `root`, in walk order, many sidecars read at once. */
export function imageStatuses(root: string, finder: ProfileFinder): AsyncGenerator<CliImageStatus> {
  return mapInOrder(walkFolder(root), 32, (entry) => statusOf(entry, finder));
}
