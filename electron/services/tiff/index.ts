/**
 * TIFF headers and planes for the Node side: file names, the worker-backed scanner, and the
 * full-resolution samples of a plane (a TIFF's, a vendor file's) for the archival copy.
 */
export { isTiffPath } from './is-tiff-path';
export { createTiffScanner, type TiffScanner, type TiffScannerOptions } from './tiff-scanner';
export { decodeTiffSamples, type PlaneRequest } from './decode-plane';
export { decodeVendorSamples } from './decode-vendor-plane';
export { withFileSource, type FileSource } from './file-source';
export type { SampleArray } from './plane-samples';
export type { SidecarBytes, SidecarTask } from './worker-protocol';
