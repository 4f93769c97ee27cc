/**
 * Each image under a folder as `validate`, `report` and `profile init` see it: its sidecar's
 * values and problems and what the lab profile in force finds. Only with a scanner (validate)
 * is the image's own header read, to check the sidecar against it.
 */
import { readsFileHeader } from '../../shared/image-format';
import type { ImageStatus } from '../../shared/profile';
import type { ImageEntry } from '../services/folder';
import { channelTableProblem, type LoadedChannelTable } from '../services/channels';
import { profileProblemsOf, type LoadedProfile, type ProfileFinder } from '../services/profile';
import { mapInOrder, scanImage, storedValues } from '../services/rows';
import { readSidecarFile, sidecarNameFor, type SidecarFile } from '../services/sidecar';
import { sidecarShownFor } from '../../shared/sidecar-location';
import type { TiffScanner } from '../services/tiff';
import { calibrationMismatch, headerMismatch } from '../../shared/sidecar';
import { withoutFileName } from '../../shared/errors';
import { walkFolder } from './targets';

/** One image's status with where its problems are printed and the profile in force. */
export interface CliImageStatus extends ImageStatus {
  /** `<image>.json`, or `<image> (no sidecar)`. */
  where: string;
  hasSidecar: boolean;
  profile: LoadedProfile | null;
}

/** What a valid sidecar says that its image's header contradicts (recorded header, calibration), and how the image's channels differ from the channel table in force. */
async function againstImage(
  entry: ImageEntry,
  read: SidecarFile,
  scanner: TiffScanner,
  channels: LoadedChannelTable | null,
): Promise<string[]> {
  if ((read.state !== 'ok' && channels === null) || !readsFileHeader(entry.format)) return [];
  const scan = await scanImage(scanner, entry.absPath);
  if (!scan.ok) return read.state === 'ok' ? [scan.message] : [];
  const problems = [
    ...(read.state === 'ok'
      ? [
          headerMismatch(read.sidecar.headerValues(), scan.info.header),
          calibrationMismatch(read.sidecar.fieldValues(), scan.info.fileCalibration),
        ]
      : []),
    channels === null ? null : channelTableProblem(channels, scan.info.header, scan.info.acquisition),
  ];
  return problems.filter((problem) => problem !== null);
}

async function statusOf(
  entry: ImageEntry,
  finder: ProfileFinder,
  scanner: TiffScanner | undefined,
): Promise<CliImageStatus> {
  const missing: SidecarFile = { state: 'missing' };
  const [read, profile, channels] = await Promise.all([
    entry.sidecar === 'none' ? missing : readSidecarFile(entry.absPath),
    finder.forImage(entry.absPath),
    scanner === undefined ? null : finder.channelTableFor(entry.absPath),
  ]);
  const hasSidecar = read.state !== 'missing';
  const contradicted = scanner === undefined ? [] : await againstImage(entry, read, scanner, channels);
  return {
    path: entry.relPath,
    where: hasSidecar ? sidecarShownFor(entry.relPath) : `${entry.relPath} (no sidecar)`,
    hasSidecar,
    values: storedValues(read),
    errors: [
      ...(hasSidecar ? read.problems.map((p) => withoutFileName(p, sidecarNameFor(entry.absPath))) : []),
      ...contradicted,
    ],
    profileProblems: profileProblemsOf(read, profile),
    profile,
  };
}

/**
 * The status of every image under `root`, in walk order, many sidecars read at once; with a
 * `scanner`, each valid sidecar is also checked against its image's header.
 */
export function imageStatuses(
  root: string,
  finder: ProfileFinder,
  scanner?: TiffScanner,
): AsyncGenerator<CliImageStatus> {
  return mapInOrder(walkFolder(root), 32, (entry) => statusOf(entry, finder, scanner));
}
