/**
 * What every preview decoder is asked (TIFF, vendor files and stores alike), and the bounds it
 * keeps, so one hostile file costs no more than a large honest one.
 */

/** A plane request: indices and the longest side of the result. */
export interface PlaneRequest {
  c: number;
  z: number;
  t: number;
  maxSize: number;
}

/** Most decoded bytes one plane may take before the preview refuses it (16k x 12k uint16). */
export const MAX_PLANE_BYTES = 384 * 1024 * 1024;

/** Longest side of a preview. */
export const MAX_PREVIEW_SIZE = 4096;
