/**
 * The folder rules in force for an image: the lab profile (`acqmeta.profile.json`), the
 * channel table (`acqmeta.channels.csv`) and the microscope catalogue (`acqmeta.instruments/`) of its folder or, failing that, of the nearest parent
 * folder that has one, possibly above the folder opened. A file that leads elsewhere through a
 * symbolic link (outside the folder opened when found in it, outside its own folder when found
 * above) is not read: it is in force as an unusable file, with the reason.
 */
import path from 'node:path';
import { folderOfImage } from '../../../shared/ngff/store-name';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { INSTRUMENTS_FOLDER } from '../../../shared/instruments';
import { PROFILE_FILE_NAME } from '../../../shared/profile';
import { channelTableInForce, unreadableChannelTable, type LoadedChannelTable } from '../channels';
import { isInside } from '../disk';
import { catalogueUnderRule, readInstrumentCatalogue, type InstrumentCatalogue } from './instrument-catalogue';
import { linkEscapeCheck } from './link-escape';
import { nearestFileLookup } from './nearest-file';
import { refusedProfile, type LoadedProfile, type ProfileCache } from './profile-cache';

/** Finds profiles and channel tables for the folders of one scan or command, looking at each folder once. */
export interface ProfileFinder {
  /** The profile in force for images directly in `absDir`, or null. */
  forFolder(absDir: string): Promise<LoadedProfile | null>;
  /** The profile in force for an image, or null. */
  forImage(absImagePath: string): Promise<LoadedProfile | null>;
  /** The channel table in force for an image, or null. */
  channelTableFor(absImagePath: string): Promise<LoadedChannelTable | null>;
  /** The lab's microscope catalogue in force for an image (the nearest `acqmeta.instruments/`), under its profile's `x-microscope`; or null. */
  instrumentsFor(absImagePath: string): Promise<InstrumentCatalogue | null>;
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
  const escapes = linkEscapeCheck(root);
  const profileOf = nearestFileLookup(PROFILE_FILE_NAME, async (file) => {
    const refused = await escapes(file);
    return refused === null ? cache.load(file, label(file)) : refusedProfile(file, label(file), refused);
  });
  const tableOf = nearestFileLookup(
    CHANNEL_TABLE_NAME,
    async (file) => {
      const refused = await escapes(file);
      if (refused !== null) return unreadableChannelTable(file, label(file), new Error(refused));
      return channelTableInForce(file, label(file));
    },
    // a FIFO or device under the table's name is a table in force that cannot be read, not no table
    (entry) => !entry.isDirectory(),
  );
  const catalogueOf = nearestFileLookup(
    INSTRUMENTS_FOLDER,
    async (dir) => {
      const refused = await escapes(dir);
      if (refused === null) return readInstrumentCatalogue(dir, label(dir), escapes);
      return {
        folder: label(dir),
        descriptions: [],
        files: [],
        problems: [{ file: label(dir), at: '', message: refused, severity: 'error' as const }],
      };
    },
    (entry) => entry.isDirectory(),
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
    // a collection's image is ruled by the folder holding the collection, never by a file inside it
    forImage: (absImagePath) => forFolder(folderOfImage(absImagePath)),
    channelTableFor: (absImagePath) => tableOf(folderOfImage(absImagePath)),
    async instrumentsFor(absImagePath) {
      const dir = folderOfImage(absImagePath);
      const [catalogue, loaded] = await Promise.all([catalogueOf(dir), forFolder(dir)]);
      const microscope = loaded?.profile.compiled?.microscope ?? null;
      const rule = loaded == null || microscope === null ? null : { microscope, profile: loaded.profile.source };
      return catalogue === null ? null : catalogueUnderRule(catalogue, rule);
    },
    label,
  };
}
