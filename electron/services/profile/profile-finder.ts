/**
 * Which profile is in force for an image: the `acqmeta.profile.json` of its folder or, failing
 * that, of the nearest parent folder that has one, possibly above the folder opened.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PROFILE_FILE_NAME } from '../../../shared/profile';
import { isInside } from '../disk';
import type { LoadedProfile, ProfileCache } from './profile-cache';

/** Finds profiles for the folders of one scan or command, looking at each folder once. */
export interface ProfileFinder {
  /** The profile in force for images directly in `absDir`, or null. */
  forFolder(absDir: string): Promise<LoadedProfile | null>;
  /** The profile in force for an image, or null. */
  forImage(absImagePath: string): Promise<LoadedProfile | null>;
  /** How messages and rows name a profile file or folder: relative to `root` when inside it. */
  label(absPath: string): string;
}

/** How a finder is set up. */
export interface FinderOptions {
  /** The folder opened (or named on the command line): labels are relative to it. */
  root: string;
  /** A profile to apply everywhere instead of looking (`--profile <file>`). */
  override?: LoadedProfile;
}

/** A finder over `cache`; folder lookups are remembered for the finder's life (one scan). */
export function createProfileFinder(cache: ProfileCache, options: FinderOptions): ProfileFinder {
  const root = path.resolve(options.root);
  const label = (absPath: string): string =>
    isInside(root, absPath) ? path.relative(root, absPath).split(path.sep).join('/') : absPath;
  const folders = new Map<string, Promise<LoadedProfile | null>>();
  const lookUp = (dir: string): Promise<LoadedProfile | null> => {
    let found = folders.get(dir);
    if (found === undefined) {
      // The parents are looked at alongside, not after: the first image's lookup climbs to `/`.
      const parent = path.dirname(dir);
      const inParent = parent === dir ? Promise.resolve(null) : lookUp(parent);
      found = (async () => {
        const file = path.join(dir, PROFILE_FILE_NAME);
        const isFile = await stat(file).then(
          (s) => s.isFile(),
          () => false,
        );
        return isFile ? cache.load(file, label(file)) : inParent;
      })();
      folders.set(dir, found);
    }
    return found;
  };
  const forFolder = (absDir: string): Promise<LoadedProfile | null> => {
    if (options.override !== undefined) return Promise.resolve(options.override);
    // a folder named as before is not resolved again (a scan asks once per image)
    let found = folders.get(absDir);
    if (found === undefined) {
      found = lookUp(path.resolve(absDir));
      folders.set(absDir, found);
    }
    return found;
  };
  return { forFolder, forImage: (absImagePath) => forFolder(path.dirname(absImagePath)), label };
}
