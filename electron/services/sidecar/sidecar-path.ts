/**
 * Where an image's sidecar lives, and what a directory listing showed there. CloudScope reads
 * the sidecar of an image beside it (`cell.tif.json`), and that of one of its own OME-Zarr
 * stores or of a collection's image inside it (`x.cs.ome.zarr/acqstore/acq_image.json`).
 */
import path from 'node:path';
import { sidecarNameShownFor, sidecarSuffixFor } from '../../../shared/sidecar-location';

/** The sidecar of an image: the full image path plus `.json` (`cell.tif` → `cell.tif.json`), or inside a CloudScope store. */
export function sidecarPathFor(imagePath: string): string {
  return sidecarStepsFor(imagePath).at(-1) as string;
}

/**
 * The paths from the image's folder to its sidecar, one a step: the sidecar itself, or for a
 * CloudScope store the `acqstore` folder inside it, then the sidecar. A link at any step makes
 * the sidecar a link (written through only inside the open folder).
 */
export function sidecarStepsFor(imagePath: string): string[] {
  const suffix = sidecarSuffixFor(imagePath);
  if (!suffix.startsWith('/')) return [`${imagePath}${suffix}`];
  const parts = suffix.slice(1).split('/');
  return parts.map((_, i) => path.join(imagePath, ...parts.slice(0, i + 1)));
}

/** The sidecar's name, for messages (`cell.tif.json`, `x.cs.ome.zarr/acqstore/acq_image.json`). */
export function sidecarNameFor(imagePath: string): string {
  return sidecarNameShownFor(imagePath);
}

/** What the directory listing showed at an image's sidecar path (`<name>.json`). */
export type SidecarListing = 'none' | 'file' | 'link';

/** What `lstat` said of each of {@link sidecarStepsFor}'s paths (null: nothing there), as a listing. */
export function listingOfSteps(
  steps: readonly ({ isSymbolicLink(): boolean; isFile(): boolean } | null)[],
): SidecarListing {
  for (const step of steps) {
    if (step === null) return 'none';
    if (step.isSymbolicLink()) return 'link';
  }
  return steps.at(-1)?.isFile() === true ? 'file' : 'none';
}
