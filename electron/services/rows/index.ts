/**
 * Image rows: what the table shows for each image, built concurrently through the scanner.
 */
export {
  buildImageRow,
  composeRow,
  defaultValues,
  readEntrySidecar,
  readImage,
  scanImage,
  storedValues,
  summarizeSidecar,
  type ImageRead,
  type ImageScan,
  type SidecarRead,
} from './image-row';
export { HeaderMemo } from './header-memo';
export { batchRows, FIRST_BATCH_ROWS, scanRows, type ScanRowsOptions } from './scan-rows';
export { mapInOrder } from './map-in-order';
export { readSidecarsInOrder, type SkippedImage } from './sidecar-reads';
