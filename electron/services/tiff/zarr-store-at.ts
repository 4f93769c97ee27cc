/**
 * The OME-Zarr store at a path, as its name says: a folder read through a {@link LocalZarrStore}
 * confined to it, or a zipped store (`x.ome.zarr.zip`) read through a {@link ZipZarrStore} over
 * its open file; and the stamp a scan cache keeps of it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isZippedStoreName } from '../../../shared/ngff/store-name';
import type { ZarrStore } from '../../../shared/ngff/types';
import { stampOf, type FileStamp } from '../disk';
import { LocalZarrStore } from '../ngff/local-zarr-store';
import { storeStampSync } from '../ngff/read-store-header';
import { ZipZarrStore } from '../ngff/zip-zarr-store';
import { withFileSource } from './file-source';

/** The stamp of the store at `absPath`: a zipped store's is its file's, a folder's {@link storeStampSync}. */
export function zarrStampSync(absPath: string): FileStamp {
  return isZippedStoreName(path.basename(absPath)) ? stampOf(statSync(absPath)) : storeStampSync(absPath);
}

/** Runs `use` on the store at `absPath`; a zipped store's file is open while it runs, and closed after. */
export function withZarrStore<T>(absPath: string, use: (store: ZarrStore) => Promise<T>): Promise<T> {
  if (!isZippedStoreName(path.basename(absPath))) return use(new LocalZarrStore(absPath));
  return withFileSource(absPath, (source) => use(new ZipZarrStore(source)));
}
