/**
 * The TIFF header reader: pure code over a {@link ByteSource}, for Node and the browser.
 */
export { readTiffHeader, readTiffSummary, openTiff, type OpenedTiff } from './read-tiff-header';
export { TiffReadError } from './bounded-reader';
export { locatePlane, PlaneRangeError, type PlaneLocation } from './plane-locator';
export type { ByteSource, ReadTiffOptions, TiffInfo, TiffSummary, DescriptionKind } from './types';
// What the Node side's preview decoder reads a plane's strips and tiles with.
export { TYPE_SIZES } from './ifd';
export { isContiguous, pageBytes, readDataLayout } from './page-data';
export { tagNumbers, type TiffPage } from './page';
export { compressionName } from './tag-names';
export type { TiffFile } from './tiff-file';
export { parseXml } from './xml';
