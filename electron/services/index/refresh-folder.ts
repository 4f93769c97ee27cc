/**
 * Adds or refreshes one folder of this machine in the index, as the command line's `acqmeta
 * index` and the app's Refresh both do: the folder placed in its share, each changed image read
 * with the lab profile and microscope catalogue in force, and kept as `scan --json` records it.
 */
import { rowRecord } from '../../../shared/scan-record';
import type { ImageEntry } from '../folder';
import { instrumentMatchOf, type ProfileFinder } from '../profile';
import type { TiffScanner } from '../tiff';
import { indexFolder, type IndexCounts } from './index-folder';
import type { IndexStore } from './index-store';
import { placeFolder, type FolderPlace, type ShareMount } from './shares';

/** What refreshing a folder needs besides the index. */
export interface FolderRefresh {
  /** The folder's images, as its walk lists them. */
  entries: AsyncIterable<ImageEntry>;
  /** The named shares this machine mounts. */
  mounts: readonly ShareMount[];
  scanner: TiffScanner;
  /** The lab profiles and catalogues in force under the folder. */
  profiles: ProfileFinder;
  /** Called after each image, read or not. */
  onImage?(): void;
  /** Stops the refresh after the image under way (see indexFolder). */
  signal?: AbortSignal;
}

/** Adds or refreshes the folder at real path `root`; resolves to where it was put and what changed. */
export async function refreshFolder(
  store: IndexStore,
  root: string,
  refresh: FolderRefresh,
): Promise<{ place: FolderPlace; counts: IndexCounts }> {
  const place = placeFolder(root, refresh.mounts, await store.shareNames());
  const { profiles } = refresh;
  const counts = await indexFolder(
    store,
    { root, entries: refresh.entries, ...place },
    {
      scanner: refresh.scanner,
      profiles,
      onImage: refresh.onImage,
      signal: refresh.signal,
      async recordOf(row, absPath) {
        const catalogue = await profiles.instrumentsFor(absPath);
        return JSON.stringify({ ...rowRecord(row), instrument_match: instrumentMatchOf(catalogue, row.acquisition) });
      },
    },
  );
  return { place, counts };
}
