/**
 * TIFF headers and previews for the Node side: file names, the worker-backed scanner, and the
 * bounded decoders and sample arrays the archival copy reads its written files back with.
 */
export { isTiffPath } from './is-tiff-path';
export { createTiffScanner, type TiffScanner, type TiffScannerOptions } from './tiff-scanner';
export type { PlaneRequest } from './decode-plane';
export type { SidecarBytes, SidecarTask } from './worker-protocol';
export { decodeDeflate, decodeLzw } from './bounded-decoders';
export type { SampleArray } from './plane-samples';
