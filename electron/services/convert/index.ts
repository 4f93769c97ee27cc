/**
 * Archival OME-TIFF copies of a folder's images (`acqmeta convert`, the app's Export as
 * OME-TIFF…): each image of each source written, read back, put in place, with a sidecar beside.
 */
export { CONVERTER, convertImages, type ConvertJob, type ConvertSource } from './convert-images';
export { planeAt, sourceImages, type SourceImage } from './archival-sources';
export { stemOf } from './archival-facts';
export { backslashProblem } from './output-plan';
export { plannedCopies } from './planned-copies';
export type { PlaneReader } from './ome-tiff-writer';
