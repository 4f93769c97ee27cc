/**
 * Zeiss CZI header reader: the file header, subblock directory, metadata XML and attachment
 * directory, read bounded, into the header CloudScope shows for scene 0 (what acqstore gets
 * from czifile's `scenes[0]`), the pixel size, plane locations and the acquisition model.
 */
import type { ByteSource } from '../tiff/types';
import { fail, headerDateTime, vendorReader } from './bytes';
import {
  cziSubblockData,
  readCziAttachments,
  readCziDirectory,
  readCziFileHeader,
  readCziMetadataXml,
} from './czi-directory';
import { cziAcquisition, cziCalibration, cziDateTime } from './czi-metadata';
import {
  cziScenes,
  sceneGeometry,
  sceneLevels,
  scenePixelType,
  scenePlaneCounts,
  scenePlaneStore,
  sceneSizes,
} from './czi-scene';
import { headerFromSizes, imageSummary } from './header-strings';
import { tooManyPlanes, type VendorHeader, type VendorReadOptions } from './types';
import { parseVendorXml } from './xml-tools';

/**
 * acqstore relabels a line scan's slow axis: when scene 0 has T and X but no Y, T becomes Y
 * (CloudScope shows every image as Y × X planes).
 */
function cloudscopeSizes(sizes: [string, number][]): [string, number][] {
  const dims = sizes.map(([d]) => d);
  if (dims.includes('Y') || !dims.includes('T') || !dims.includes('X')) return sizes;
  return sizes.map(([d, n]) => [d === 'T' ? 'Y' : d, n]);
}

/** Reads the header of a CZI file: of scene 0, or of the scene `options.image` names. */
export function readCziHeader(source: ByteSource, options: VendorReadOptions = {}): VendorHeader {
  const reader = vendorReader(source, options);
  const file = readCziFileHeader(reader);
  const directory = readCziDirectory(reader, file.directoryPosition);
  const scenes = cziScenes(directory);
  if (scenes.length === 0) fail('the CZI file holds no image subblocks');
  const first = scenes[options.image ?? 0];
  if (first === undefined) fail(`the CZI file has no scene number ${options.image}`);
  const xml = readCziMetadataXml(reader, file.metadataPosition);
  const root = xml === '' ? null : parseVendorXml(xml, 'the CZI metadata');
  const attachments = readCziAttachments(reader, file.attachmentDirectoryPosition).map((a) => a.name);
  const { dtype } = scenePixelType(first);
  const sizes = cloudscopeSizes(sceneSizes(first));
  const store = scenePlaneStore(first);
  const geometry = sceneGeometry(first);
  const channelCount = geometry.size[geometry.dims.indexOf('C')] ?? 1;
  const counts = scenePlaneCounts(first);
  return {
    format: 'czi',
    header: {
      ...headerFromSizes(sizes, dtype, scenes.length),
      ...(root === null ? headerDateTime(null) : cziDateTime(root)),
    },
    fileCalibration: cziCalibration(root),
    planes: counts,
    images: scenes.map((scene) => imageSummary(`Scene ${scene.key}`, sceneSizes(scene), scenePixelType(scene).dtype)),
    acquisition: cziAcquisition(root, channelCount, sceneLevels(directory, first.key)),
    ...(store === null ? { store, storeNote: tooManyPlanes(counts.c * counts.z * counts.t) } : { store }),
    attachments,
  };
}

/** Where the pixel bytes of a CZI subblock tile lie (reads its 80-byte header, nothing else). */
export function resolveCziSubblock(source: ByteSource, segmentOffset: number): { offset: number; length: number } {
  return cziSubblockData(vendorReader(source, { maxBytes: 1024 * 1024 }), segmentOffset);
}
