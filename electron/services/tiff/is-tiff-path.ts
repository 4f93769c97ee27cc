/**
 * Which file names the scanner reads as TIFF.
 */

const TIFF_EXTENSIONS = ['.tif', '.tiff', '.btf', '.lsm'];

/** Whether a file name is a TIFF the scanner reads (.tif .tiff .ome.tif .ome.tiff .btf .lsm, any case). */
export function isTiffPath(name: string): boolean {
  const lower = name.toLowerCase();
  return TIFF_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}
