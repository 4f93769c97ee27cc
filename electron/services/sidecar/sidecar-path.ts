/**
 * Where an image's sidecar lives, and what a directory listing showed there.
 */
import path from 'node:path';

/** The sidecar of an image: the full image path plus `.json` (`cell.tif` → `cell.tif.json`). */
export function sidecarPathFor(imagePath: string): string {
  return `${imagePath}.json`;
}

/** The sidecar's file name, for messages (`cell.tif.json`). */
export function sidecarNameFor(imagePath: string): string {
  return path.basename(sidecarPathFor(imagePath));
}

/** What the directory listing showed at an image's sidecar path (`<name>.json`). */
export type SidecarListing = 'none' | 'file' | 'link';
