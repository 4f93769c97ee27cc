/**
 * TIFF headers and planes for the Node side: file names, the worker-backed scanner, the
 * full-resolution samples of a plane (a TIFF's, a vendor file's) for the archival copy, and the
 * bounded decoders and sample arrays it reads its written files back with.
 */
export { isTiffPath } from './is-tiff-path';
export { createTiffScanner, type TiffScanner, type TiffScannerOptions } from './tiff-scanner';
export { decodeTiffSamples } from './decode-plane';
export { decodeVendorSamples } from './decode-vendor-plane';
export { withFileSource, type FileSource } from './file-source';
export type { SidecarBytes, SidecarTask } from './worker-protocol';
export { decodeDeflate, decodeLzw } from './bounded-decoders';
export type { SampleArray } from './plane-samples';
export { levelPlanes, type LevelPlanes } from './decode-store-plane';
export { MAX_PLANE_BYTES, type PlaneRequest } from './plane-limits';
