/**
 * The lab profiles in force under a folder, described for the app's toolbar and forms and
 * for the dataset readme: title, rules per field, folder rules and what they find.
 */
import { folderOfImage } from '../../../shared/ngff/store-name';
import type { ProfileInfo, ProfileTarget } from '../../../shared/api';
import { directoryName, resolveTarget } from '../../../shared/submission';
import { isInside } from '../disk';
import { listImages } from '../folder';
import { folderProblems } from './folder-check';
import type { LoadedProfile } from './profile-cache';
import type { ProfileFinder } from './profile-finder';

/** What the app and the readme are told about one loaded profile, its folder rules checked under `root`. */
export async function profileInfo(loaded: LoadedProfile, finder: ProfileFinder, root: string): Promise<ProfileInfo> {
  const { profile } = loaded;
  const compiled = profile.compiled;
  const folder = compiled?.folder ?? null;
  return {
    source: profile.source,
    folder: finder.label(loaded.dir),
    title: profile.title,
    description: profile.description,
    applied: compiled !== null,
    problems: [...profile.problems],
    fields: compiled === null ? [] : [...compiled.fields],
    folderRules:
      folder === null
        ? []
        : folder.rules.map(({ pattern, required, description }) => ({ pattern, required, description })),
    folderClosed: folder?.closed ?? false,
    // Rules of a profile above the open folder are about a larger folder than the one open.
    folderProblems: isInside(root, loaded.dir) ? await folderProblems(loaded, loaded.dir, finder) : [],
    target: targetOf(compiled?.target ?? null),
  };
}

/** A profile's target as the app is told it. */
function targetOf(name: string | null): ProfileTarget | undefined {
  const target = name === null ? null : resolveTarget(name);
  return target === null ? undefined : { name: target.name, layout: directoryName(target), format: target.format };
}

/**
 * Every profile in force for `root` itself or for a folder holding one of its images, each
 * once; `imageFolders` (absolute, `root` among them) saves walking the tree when they are known.
 */
export async function profilesUnder(
  root: string,
  finder: ProfileFinder,
  imageFolders: readonly string[] | null = null,
): Promise<ProfileInfo[]> {
  const folders = new Set(imageFolders ?? [root]);
  if (imageFolders === null) for await (const entry of listImages(root)) folders.add(folderOfImage(entry.absPath));
  const found = new Map<string, LoadedProfile>();
  for (const dir of folders) {
    const loaded = await finder.forFolder(dir);
    if (loaded !== null) found.set(loaded.absPath, loaded);
  }
  return Promise.all([...found.values()].map((loaded) => profileInfo(loaded, finder, root)));
}
