/**
 * Reads an OME-Zarr store's header in a scan worker: its metadata documents only, through a
 * {@link LocalZarrStore} confined to the store's folder.
 */
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { ngffInfoOf, ngffListingOf, type NgffInfo } from '../../../shared/ngff/ngff-info';
import { readNgffImage } from '../../../shared/ngff/read-ngff';
import { NgffReadError } from '../../../shared/ngff/types';
import type { TiffSummary } from '../../../shared/tiff';
import { stampOf, type FileStamp } from '../disk';
import { LocalZarrStore } from './local-zarr-store';

/** The root metadata documents a store's header starts from (Zarr v3, then v2). */
const ROOT_DOCUMENTS = ['zarr.json', '.zattrs'];

/**
 * A store's stamp: its folder's inode, and the size and latest modification time of the folder
 * and of its root metadata document, so that a document rewritten in place (which leaves the
 * folder's time alone) is read again.
 */
export function storeStampSync(absPath: string): FileStamp {
  const folder = statSync(absPath);
  if (!folder.isDirectory()) throw new NgffReadError('OME-Zarr: a store is a folder, and this is a file');
  for (const name of ROOT_DOCUMENTS) {
    const doc = lstatSync(path.join(absPath, name), { throwIfNoEntry: false });
    if (doc !== undefined) return { size: doc.size, mtimeMs: Math.max(folder.mtimeMs, doc.mtimeMs), ino: folder.ino };
  }
  return stampOf(folder);
}

/** An OME-Zarr store's header (the listing's summary, or everything with `detail`) and the store's stamp. */
export async function readStoreHeader(
  absPath: string,
  detail: boolean,
): Promise<{ info: TiffSummary | NgffInfo; stamp: FileStamp }> {
  const stamp = storeStampSync(absPath);
  try {
    const image = await readNgffImage(new LocalZarrStore(absPath));
    return { info: detail ? ngffInfoOf(image) : ngffListingOf(image), stamp };
  } catch (error) {
    if (error instanceof NgffReadError) throw new NgffReadError(`OME-Zarr: ${error.message}`);
    throw error;
  }
}
