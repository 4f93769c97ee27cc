/**
 * The acqstore collection at a store folder, read through the store confined to it: the images
 * its manifest lists, each read as a store of its own. The last manifests read are kept while
 * their file is unchanged, so that resolving each of a collection's thousand images reads it once.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import {
  exportedFromOf,
  readCollectionMembers,
  type CollectionMembers,
} from '../../../shared/ngff/collection-manifest';
import { COLLECTION_IMAGES_FOLDER, COLLECTION_MANIFEST_KEY } from '../../../shared/ngff/store-name';
import { NgffReadError } from '../../../shared/ngff/types';
import { LocalZarrStore } from './local-zarr-store';
import { lookInStore, lstatInStoreSync } from './store-entry';

/** Collections whose manifest is kept. */
const KEPT = 64;

/** A manifest read, and what its file was then. */
interface Kept {
  stamp: string;
  members: Promise<CollectionMembers | null>;
}

const kept = new Map<string, Kept>();

/** What identifies a manifest file's content: it is read again when any of these changes. */
function stampOf(stats: Stats | null): string {
  return stats === null ? 'none' : `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/**
 * What the store folder at `absPath` lists when it is an acqstore collection; null when it is
 * not one (no manifest). Fails when the manifest cannot be read (an `NgffReadError` saying why,
 * or the disk's error).
 */
export function readCollectionAt(absPath: string): Promise<CollectionMembers | null> {
  let stamp: string;
  try {
    stamp = stampOf(lstatInStoreSync(absPath, COLLECTION_MANIFEST_KEY));
  } catch (error) {
    return Promise.reject(error);
  }
  const found = kept.get(absPath);
  if (found !== undefined && found.stamp === stamp) return found.members;
  const members = readCollectionMembers(new LocalZarrStore(absPath));
  kept.delete(absPath);
  kept.set(absPath, { stamp, members });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  // a failed read is not kept: the next asks again
  members.catch(() => {
    if (kept.get(absPath)?.members === members) kept.delete(absPath);
  });
  return members;
}

/** What the collection image at `absPath` was exported from, as its manifest says: `{ exportedFrom }`, or none. */
export async function exportedFromAt(absPath: string): Promise<{ exportedFrom?: string }> {
  const collection = await readCollectionAt(path.dirname(path.dirname(absPath))).catch(() => null);
  return collection === null ? {} : exportedFromOf(collection, path.basename(absPath));
}

/**
 * What is at the folder of the image `member` of the collection at `absPath`, looked at step by
 * step: a folder, a link on the way (never followed: neither the image nor its sidecar is read,
 * nor written), or nothing that can be read.
 */
export function memberFolderAt(absPath: string, member: string): 'folder' | 'link' | 'missing' {
  let found;
  try {
    found = lookInStore(absPath, `${COLLECTION_IMAGES_FOLDER}/${member}`);
  } catch {
    return 'missing'; // a folder that cannot be looked at (permissions, a name too long) is none to read
  }
  if (found === null) return 'missing';
  if ('link' in found) return 'link';
  return found.stats.isDirectory() ? 'folder' : 'missing';
}

/**
 * Fails with an `NgffReadError` when the collection's image at `absPath` is reached through a
 * link inside its collection: neither it nor its sidecar is read.
 */
export function refuseLinkedMember(absPath: string): void {
  const member = path.basename(absPath);
  if (memberFolderAt(path.dirname(path.dirname(absPath)), member) === 'link')
    throw new NgffReadError(
      `OME-Zarr: ${COLLECTION_IMAGES_FOLDER}/${member} is a link inside its collection; links are not followed`,
    );
}
