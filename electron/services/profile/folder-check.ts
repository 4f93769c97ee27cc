/**
 * Folder rules (`x-folder`) over the files on disk: each profile's rules apply to the files
 * it is in force for, below its own folder (a subfolder with a profile of its own has its own rules).
 */
import type { FolderProblem } from '../../../shared/api';
import { checkFolderRules, PROFILE_FILE_NAME } from '../../../shared/profile';
import { listFiles } from '../folder';
import type { LoadedProfile } from './profile-cache';
import type { ProfileFinder } from './profile-finder';

/** A sidecar (`x.tif.json` next to `x.tif`) or a profile file: part of an image or of the rules, not of the layout. */
function isBookkeeping(name: string, siblings: ReadonlyMap<string, unknown>): boolean {
  return name === PROFILE_FILE_NAME || (name.endsWith('.json') && siblings.has(name.slice(0, -'.json'.length)));
}

/**
 * The folder-rule problems of `loaded`, whose rules are checked over the files below
 * `folder` (its own folder; the folder named on the command line for `--profile`) that the
 * finder says it is in force for. Problems are labelled by the finder.
 */
export async function folderProblems(
  loaded: LoadedProfile,
  folder: string,
  finder: ProfileFinder,
): Promise<FolderProblem[]> {
  const rules = loaded.profile.compiled?.folder ?? null;
  if (rules === null) return [];
  const files: string[] = [];
  for await (const file of listFiles(folder)) {
    if (isBookkeeping(file.name, file.siblings)) continue;
    if ((await finder.forImage(file.absPath)) !== loaded) continue;
    files.push(file.relPath);
  }
  return checkFolderRules(rules, files, finder.label(folder));
}
