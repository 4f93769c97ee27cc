/**
 * TIFF headers and previews for the Node side: file names, the worker-backed scanner.
 */
export { isTiffPath } from './is-tiff-path';
export { createTiffScanner, type TiffScanner, type TiffScannerOptions } from './tiff-scanner';
export type { PlaneRequest } from './decode-plane';
export type { SidecarBytes, SidecarTask } from './worker-protocol';
