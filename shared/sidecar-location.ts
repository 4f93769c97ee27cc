/**
 * Where an image's sidecar lives, as CloudScope reads it: beside the image (`cell.tif.json`),
 * or, for one of CloudScope's own OME-Zarr stores, inside it
 * (`x.cs.ome.zarr/acqstore/acq_image.json`).
 */
import { INSIDE_SIDECAR_KEY, isNativeStoreName } from './ngff/store-name';

/** What follows an image's path to name its sidecar, `/`-separated: `.json`, or `/acqstore/acq_image.json` for a CloudScope store. */
export function sidecarSuffixFor(imageName: string): string {
  return isNativeStoreName(imageName) ? `/${INSIDE_SIDECAR_KEY}` : '.json';
}

/** The sidecar of the image at a `/`-separated path, as a path of the same kind (`day1/cell.tif.json`). */
export function sidecarShownFor(imagePath: string): string {
  return `${imagePath}${sidecarSuffixFor(imagePath)}`;
}
