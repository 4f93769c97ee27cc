/**
 * The folder rules in force for an image: the lab profile (`acqmeta.profile.json`) and the
 * channel table (`acqmeta.channels.csv`) of its folder or, failing that, of the nearest parent
 * folder that has one, possibly above the folder opened.
 */
import path from 'node:path';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { PROFILE_FILE_NAME } from '../../../shared/profile';
import { readChannelTableFile, unreadableChannelTable, type LoadedChannelTable } from '../channels';
import { isInside } from '../disk';
import { nearestFileLookup } from './nearest-file';
import type { LoadedProfile, ProfileCache } from './profile-cache';

/** Finds profiles and channel tables for the folders of one scan or command, looking at each folder once. */
export interface ProfileFinder {
  /** The profile in force for images directly in `absDir`, or null. */
  forFolder(absDir: string): Promise<LoadedProfile | null>;
  /** The profile in force for an image, or null. */
  forImage(absImagePath: string): Promise<LoadedProfile | null>;
  /** The channel table in force for an image, or null. */
  channelTableFor(absImagePath: string): Promise<LoadedChannelTable | null>;
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
  const profileOf = nearestFileLookup(PROFILE_FILE_NAME, (file) => cache.load(file, label(file)));
  const tableOf = nearestFileLookup(
    CHANNEL_TABLE_NAME,
    async (file) => {
      try {
        return readChannelTableFile(file, label(file));
      } catch (error) {
        // a table that cannot be opened is still the one in force: its images are flagged, not checked against another
        return unreadableChannelTable(file, label(file), error);
      }
    },
    // a FIFO or device under the table's name is a table in force that cannot be read, not no table
    (entry) => !entry.isDirectory(),
  );
  // a folder named as before is not resolved again (a scan asks once per image)
  const named = new Map<string, Promise<LoadedProfile | null>>();
  const forFolder = (absDir: string): Promise<LoadedProfile | null> => {
    if (options.override !== undefined) return Promise.resolve(options.override);
    let found = named.get(absDir);
    if (found === undefined) {
      found = profileOf(absDir);
      named.set(absDir, found);
    }
    return found;
  };
  return {
    forFolder,
    forImage: (absImagePath) => forFolder(path.dirname(absImagePath)),
    channelTableFor: (absImagePath) => tableOf(path.dirname(absImagePath)),
    label,
  };
}
