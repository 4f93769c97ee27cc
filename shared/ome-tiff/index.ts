/** The archival OME-TIFF: what a copy holds, and its OME-XML. */
export type { ArchivalDtype, ArchivalImage, ArchivalPixels, ArchivalSource } from './archival-types';
export { ARCHIVAL_NAMESPACES } from './ome-annotations';
export { archivalOmeXml } from './ome-xml';
