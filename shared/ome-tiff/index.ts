/** The archival OME-TIFF: what a copy holds, its OME-XML, and the byte layout of its TIFF. */
export type { ArchivalDtype, ArchivalImage, ArchivalPixels, ArchivalSource } from './archival-types';
export { ARCHIVAL_NAMESPACES, SOURCE_HASH_OPENING } from './ome-annotations';
export { archivalOmeXml } from './ome-xml';
export { encodeLzw } from './lzw-encode';
export { blockBytes, halve } from './tiff-blocks';
export { encodeIfd, setUint, tiffHeader, type TiffTag } from './tiff-ifd';
export {
  blockGrid,
  COMPRESSION_CODE,
  dtypeBytes,
  levelSizes,
  needsBigTiff,
  pageTags,
  tilesFit,
  type BlockGrid,
  type LevelSize,
} from './tiff-layout';
