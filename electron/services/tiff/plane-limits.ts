/**
 * Bounds every preview decoder keeps (TIFF and vendor files alike), so one hostile file costs
 * no more than a large honest one.
 */

/** Most decoded bytes one plane may take before the preview refuses it (16k x 12k uint16). */
export const MAX_PLANE_BYTES = 384 * 1024 * 1024;

/** Longest side of a preview. */
export const MAX_PREVIEW_SIZE = 4096;
