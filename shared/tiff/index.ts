/**
 * The TIFF header reader: pure code over a {@link ByteSource}, for Node and the browser.
 */
export { readTiffHeader, readTiffSummary, openTiff, type OpenedTiff } from './read-tiff-header';
export { TiffReadError } from './bounded-reader';
export { locatePlane, PlaneRangeError, type PlaneLocation } from './plane-locator';
export type { ByteSource, ReadTiffOptions, TiffInfo, TiffSummary, DescriptionKind } from './types';
