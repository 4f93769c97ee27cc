/**
 * CloudScope's own stores (`x.cs.ome.zarr`, and the images of its collections) keep their
 * sidecar inside, as `acqstore/acq_image.json`, where CloudScope reads it. AcqMeta does not
 * edit that file yet, and a sidecar beside such a store would not be read by CloudScope.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { INSIDE_SIDECAR_KEY } from '../../../shared/ngff/store-name';

/** Whether the store folder at `absPath` holds CloudScope's sidecar inside it. */
export async function hasInsideSidecar(absPath: string): Promise<boolean> {
  return lstat(path.join(absPath, ...INSIDE_SIDECAR_KEY.split('/'))).then(
    () => true,
    () => false,
  );
}

/** The row's problem (and a save's refusal) for a store whose sidecar CloudScope keeps inside it. */
export const INSIDE_SIDECAR_PROBLEM = `CloudScope keeps this store's metadata inside it (${INSIDE_SIDECAR_KEY}), which AcqMeta does not edit yet: its fields cannot be saved here`;
