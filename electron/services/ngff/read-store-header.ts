/**
 * Reads an OME-Zarr store's header in a scan worker: its metadata documents only, through the
 * store it is given (a `LocalZarrStore` confined to the store's folder, or a zipped store).
 */
import { statSync } from 'node:fs';
import { describeCollectionProblems, readCollectionMembers } from '../../../shared/ngff/collection-manifest';
import { ngffInfoOf, ngffListingOf, type NgffInfo } from '../../../shared/ngff/ngff-info';
import { readNgffImage } from '../../../shared/ngff/read-ngff';
import { STORE_ROW_KEYS } from '../../../shared/ngff/store-name';
import { NgffReadError, type ZarrStore } from '../../../shared/ngff/types';
import type { TiffSummary } from '../../../shared/tiff';
import type { FileStamp } from '../disk';
import { lstatInStoreSync } from './store-entry';

/** Where bioformats2raw keeps the OME-XML of the store's images. */
const OME_XML_KEY = 'OME/METADATA.ome.xml';
/** Most bytes of that OME-XML read, as for a vendor file's metadata XML. */
const MAX_OME_XML_BYTES = 32 * 1024 * 1024;

/**
 * A store's stamp: its folder's inode, the total size of the documents whose change changes its
 * row ({@link STORE_ROW_KEYS}), and the latest modification time of the folder and of those, so
 * that a document rewritten in place (which leaves the folder's time alone) is read again.
 */
export function storeStampSync(absPath: string): FileStamp {
  const folder = statSync(absPath);
  if (!folder.isDirectory()) throw new NgffReadError('OME-Zarr: a store is a folder, and this is a file');
  let size = 0;
  let mtimeMs = folder.mtimeMs;
  for (const key of STORE_ROW_KEYS) {
    const doc = lstatInStoreSync(absPath, key);
    if (doc === null) continue;
    size += doc.size;
    mtimeMs = Math.max(mtimeMs, doc.mtimeMs);
  }
  return { size, mtimeMs, ino: folder.ino };
}

/** The OME-XML a store keeps beside its images (bioformats2raw's `OME/METADATA.ome.xml`); null when it has none. */
async function readOmeXml(store: ZarrStore): Promise<string | null> {
  const bytes = await store.get(OME_XML_KEY, MAX_OME_XML_BYTES);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** An OME-Zarr store's header: the listing's summary, or everything with `detail`. */
export async function readStoreHeader(store: ZarrStore, detail: boolean): Promise<TiffSummary | NgffInfo> {
  try {
    const collection = await readCollectionMembers(store);
    if (collection !== null)
      throw new NgffReadError(
        collection.problems.length > 0
          ? describeCollectionProblems(collection)
          : 'this acqstore collection is read as its images, each a row of its own',
      );
    const image = await readNgffImage(store);
    const omeXml = await readOmeXml(store);
    return detail ? ngffInfoOf(image, omeXml) : ngffListingOf(image, omeXml);
  } catch (error) {
    if (error instanceof NgffReadError) throw new NgffReadError(`OME-Zarr: ${error.message}`);
    throw error;
  }
}
