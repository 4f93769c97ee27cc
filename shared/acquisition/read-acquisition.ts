/**
 * An image's acquisition from every metadata flavour its TIFF header carries, merged (see
 * merge-acquisition): OME-XML, Zeiss LSM, ScanImage, Micro-Manager, ImageJ and the plain tags,
 * in that order of precedence. A flavour that fails to read costs its own values and is named
 * in `problems`; it never fails the image.
 */
import type { Acquisition, AcquisitionFlavour } from './acquisition-types';
import { imagejAcquisition, type ImageJItems } from './imagej-acquisition';
import { lsmAcquisition, type ReadBytes } from './lsm-acquisition';
import { mergeAcquisitions } from './merge-acquisition';
import { microManagerAcquisition } from './micromanager-acquisition';
import { omeAcquisition } from './ome-acquisition';
import { scanImageAcquisition, scanImageValues } from './scanimage-acquisition';
import { tiffTagsAcquisition, type PlainTags } from './tiff-tags-acquisition';
import type { XmlNode } from './xml-node';

/** What the first page of a TIFF holds of each flavour (a flavour the file lacks left out). */
export interface TiffMetadata {
  /** The root (`OME`) of the page's OME-XML, parsed. */
  ome?: XmlNode;
  /** The CZ_LSMINFO structure's bytes, and the file for the scan information it points to. */
  lsm?: { info: Uint8Array; read: ReadBytes; fileSize: number };
  /** ScanImage's texts: the description, the Software tag, the BigTIFF header block. */
  scanImage?: string[];
  /** The MicroManagerMetadata tag's text. */
  microManager?: string;
  /** The ImageJ description's items. */
  imagej?: ImageJItems;
  tags: PlainTags;
}

/**
 * A flavour's acquisition, or its failure as a problem. Only the readers' own errors (plain
 * `Error`s) are caught: another error (a failing byte source, a bug) goes on to the caller.
 */
function attempt(flavour: AcquisitionFlavour, name: string, read: () => Acquisition): Acquisition {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof Error) || error.constructor !== Error) throw error;
    return { sources: [flavour], problems: [`${name}: could not be read (${error.message})`] };
  }
}

/** The acquisition of a TIFF's first page; undefined when no flavour records anything. */
export function readAcquisition(meta: TiffMetadata): Acquisition | undefined {
  const parts: Acquisition[] = [];
  const { ome, lsm, scanImage, microManager, imagej } = meta;
  if (ome !== undefined) parts.push(attempt('ome', 'OME-XML', () => omeAcquisition(ome)));
  if (lsm !== undefined) parts.push(attempt('lsm', 'LSM', () => lsmAcquisition(lsm.info, lsm.read, lsm.fileSize)));
  if (scanImage !== undefined)
    parts.push(attempt('scanimage', 'ScanImage', () => scanImageAcquisition(scanImageValues(scanImage))));
  if (microManager !== undefined)
    parts.push(attempt('micromanager', 'Micro-Manager', () => microManagerAcquisition(microManager)));
  if (imagej !== undefined)
    parts.push(attempt('imagej', 'ImageJ', () => imagejAcquisition(imagej, meta.tags.resolution)));
  parts.push(attempt('tiff', 'TIFF tags', () => tiffTagsAcquisition(meta.tags)));
  return mergeAcquisitions(parts.filter((part) => part.origins !== undefined || part.problems !== undefined));
}
