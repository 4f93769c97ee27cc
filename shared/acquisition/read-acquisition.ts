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

/** What the first page of a TIFF holds of each flavour (a flavour the file lacks left out or undefined). */
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
 * Adds a flavour's acquisition to `parts` when it holds a value or a problem; a flavour that
 * fails is one problem. Only the readers' own errors (plain `Error`s) are caught: another
 * error (a failing byte source, a bug) goes on to the caller.
 */
function add(parts: Acquisition[], flavour: AcquisitionFlavour, name: string, read: () => Acquisition): void {
  let part: Acquisition;
  try {
    part = read();
  } catch (error) {
    if (!(error instanceof Error) || error.constructor !== Error) throw error;
    part = { sources: [flavour], problems: [`${name}: could not be read (${error.message})`] };
  }
  if (part.origins !== undefined || part.problems !== undefined) parts.push(part);
}

/** Whether the page has any of the plain tags or structure facts (a page without them has nothing to read there). */
function hasPlainTags(tags: PlainTags): boolean {
  return (
    tags.byteOrder !== undefined ||
    tags.levels !== undefined ||
    tags.software !== undefined ||
    tags.dateTime !== undefined ||
    tags.make !== undefined ||
    tags.model !== undefined ||
    tags.resolution !== undefined
  );
}

/** The acquisition of a TIFF's first page; undefined when no flavour records anything. */
export function readAcquisition(meta: TiffMetadata): Acquisition | undefined {
  const parts: Acquisition[] = [];
  const { ome, lsm, scanImage, microManager, imagej, tags } = meta;
  if (ome !== undefined) add(parts, 'ome', 'OME-XML', () => omeAcquisition(ome));
  if (lsm !== undefined) add(parts, 'lsm', 'LSM', () => lsmAcquisition(lsm.info, lsm.read, lsm.fileSize));
  if (scanImage !== undefined)
    add(parts, 'scanimage', 'ScanImage', () => scanImageAcquisition(scanImageValues(scanImage)));
  if (microManager !== undefined)
    add(parts, 'micromanager', 'Micro-Manager', () => microManagerAcquisition(microManager));
  if (imagej !== undefined) add(parts, 'imagej', 'ImageJ', () => imagejAcquisition(imagej, tags.resolution));
  if (hasPlainTags(tags)) add(parts, 'tiff', 'TIFF tags', () => tiffTagsAcquisition(tags));
  return mergeAcquisitions(parts);
}
