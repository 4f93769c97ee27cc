/**
 * Where an image's sidecar lives, as CloudScope reads it: beside the image (`cell.tif.json`),
 * or, for one of CloudScope's own OME-Zarr stores and an image of an acqstore collection, inside
 * it (`x.cs.ome.zarr/acqstore/acq_image.json`, `c.ome.zarr/acq_images/acq_image_000/acqstore/acq_image.json`).
 */
import { hasInsideSidecar, INSIDE_SIDECAR_KEY } from './ngff/store-name';

/**
 * What follows an image's path (or, for a file or a CloudScope store, its bare name) to name its
 * sidecar, `/`-separated: `.json`, or `/acqstore/acq_image.json` for a sidecar kept inside.
 */
export function sidecarSuffixFor(imagePath: string): string {
  return hasInsideSidecar(imagePath) ? `/${INSIDE_SIDECAR_KEY}` : '.json';
}

/** The sidecar of the image at a `/`-separated path, as a path of the same kind (`day1/cell.tif.json`). */
export function sidecarShownFor(imagePath: string): string {
  return `${imagePath}${sidecarSuffixFor(imagePath)}`;
}

/** The sidecar's name for messages: the image's last step and what follows it (`cell.tif.json`, `acq_image_000/acqstore/acq_image.json`). */
export function sidecarNameShownFor(imagePath: string): string {
  const name = imagePath.slice(Math.max(imagePath.lastIndexOf('/'), imagePath.lastIndexOf('\\')) + 1);
  return `${name}${sidecarSuffixFor(imagePath)}`;
}
