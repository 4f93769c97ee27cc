/**
 * The images `acqmeta calibrate` is given: those of every other command, and also each OIR
 * without a sidecar (which other commands cannot read, and a folder's walk does not list), so
 * that every vendor file is refused by its name rather than left out.
 */
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { UnreadTally } from '../../shared/unread-files';
import type { ImageEntry } from '../services/folder';
import { sidecarPathFor } from '../services/sidecar';
import { addArgumentFolder, type ArgumentFolders } from './header-recovery';
import { displayPath, imageTargets } from './targets';

const OIR_NAME = /\.oir$/i;

/** A folder's unread files, keeping every OIR's path (the tally itself names only the first ones). */
class OirTally extends UnreadTally {
  readonly oirs: string[] = [];

  constructor(readonly folder: string) {
    super();
  }

  override add(relPath: string, format: string): void {
    super.add(relPath, format);
    if (OIR_NAME.test(relPath)) this.oirs.push(path.join(this.folder, ...relPath.split('/')));
  }
}

/** The images of the arguments, and the arguments' folders (for the journal and the recovery). */
export interface CalibrateTargets extends ArgumentFolders {
  entries: ImageEntry[];
}

/**
 * The images of `given` (images or folders), each once, OIRs without a sidecar among them, with
 * the arguments' folders: each argument looked at once, and what was found handed on.
 */
export async function calibrateTargets(cwd: string, given: readonly string[]): Promise<CalibrateTargets> {
  const oirs: string[] = [];
  const others: string[] = [];
  const folders: ArgumentFolders = { folders: [], roots: [] };
  for (const target of given) {
    const absPath = path.resolve(cwd, target);
    // one that is not there is left to imageTargets, which names it
    const info = await stat(absPath).catch(() => null);
    if (info !== null) addArgumentFolder(folders, absPath, info.isDirectory());
    const bare =
      OIR_NAME.test(absPath) &&
      info?.isFile() === true &&
      (await lstat(sidecarPathFor(absPath)).then(
        () => false,
        () => true,
      ));
    if (bare) oirs.push(absPath);
    else others.push(target);
  }
  const tallies: OirTally[] = [];
  const entries = await imageTargets(cwd, others, (folder) => {
    const tally = new OirTally(folder);
    tallies.push(tally);
    return tally;
  });
  const seen = new Set(entries.map((entry) => entry.absPath));
  for (const absPath of [...oirs, ...tallies.flatMap((tally) => tally.oirs)]) {
    if (seen.has(absPath)) continue;
    seen.add(absPath);
    entries.push({ relPath: displayPath(cwd, absPath), absPath, format: 'oir', sidecar: 'none' });
  }
  return { entries, ...folders };
}
