/**
 * Gathers what the first page holds of each acquisition metadata flavour and hands it to the
 * acquisition reader: no pixel data is read, and only a few small tags besides those the header
 * reader reads anyway (Make, Model, DateTime, the Micro-Manager tag, LSM's scan information).
 */
import { readAcquisition, type TiffMetadata } from '../acquisition/read-acquisition';
import type { Acquisition } from '../acquisition/acquisition-types';
import { TiffReadError } from './bounded-reader';
import { decodeAscii, readEntryBytes } from './ifd';
import type { OmeDocument } from './ome';
import { tagNumbers, type TiffPage } from './page';
import { imagejItems } from './series-imagej';
import { isOme } from './series-ome';
import { isLsm, isScanImage, scanImageFrameText } from './series-vendor';
import type { TiffFile } from './tiff-file';

/** Most bytes of a text tag read for the acquisition (a longer one is cut, then fails to parse as a whole). */
const MAX_TAG_TEXT = 1024 * 1024;
/** Bytes of CZ_LSMINFO read: its fixed part (the structure is 500 bytes or so). */
const LSM_INFO_BYTES = 512;

function asciiTag(file: TiffFile, page: TiffPage, code: number, name: string): string | undefined {
  const entry = page.entries.find((e) => e.code === code && (e.type === 2 || e.type === 1 || e.type === 7));
  if (entry === undefined) return undefined;
  return decodeAscii(readEntryBytes(file.reader, entry, `tag ${name} (${code})`, MAX_TAG_TEXT));
}

function rational(file: TiffFile, page: TiffPage, code: number): [number, number] | undefined {
  const entry = page.entries.find((e) => e.code === code && (e.type === 5 || e.type === 10) && e.count >= 1);
  if (entry === undefined) return undefined;
  const [num, den] = tagNumbers(file.reader, file.format, entry, 1);
  return num === undefined || den === undefined ? undefined : [num, den];
}

function resolutionOf(file: TiffFile, page: TiffPage): TiffMetadata['tags']['resolution'] {
  const x = rational(file, page, 282);
  const y = rational(file, page, 283);
  if (x === undefined || y === undefined) return undefined;
  const unitEntry = page.entries.find((e) => e.code === 296);
  const unit = unitEntry === undefined ? 2 : (tagNumbers(file.reader, file.format, unitEntry, 1)[0] ?? 2);
  return { x, y, unit };
}

function lsmOf(file: TiffFile, page: TiffPage): TiffMetadata['lsm'] {
  const entry = page.entries.find((e) => e.code === 34412);
  if (entry === undefined || !file.format.littleEndian) return undefined;
  const length = Math.min(LSM_INFO_BYTES, file.reader.size - entry.valueOffset);
  return {
    info: file.reader.bytes(entry.valueOffset, length, 'CZ_LSMINFO'),
    read: (offset, size) => file.reader.bytes(offset, size, 'LSM scan information'),
    fileSize: file.reader.size,
  };
}

function gather(file: TiffFile, page: TiffPage, ome: OmeDocument | null): TiffMetadata {
  const meta: TiffMetadata = {
    tags: {
      // ScanImage 5 and later keep their frame data in Software: the ScanImage flavour reads it
      software: page.software.startsWith('SI.') ? undefined : page.software || undefined,
      dateTime: asciiTag(file, page, 306, 'DateTime'),
      make: asciiTag(file, page, 271, 'Make'),
      model: asciiTag(file, page, 272, 'Model'),
      resolution: resolutionOf(file, page),
    },
  };
  if (isOme(page) && ome !== null) meta.ome = ome.root;
  if (isLsm(page)) meta.lsm = lsmOf(file, page);
  if (isScanImage(page)) {
    const texts = [page.description, page.software, scanImageFrameText(file)];
    meta.scanImage = texts.filter((text) => text !== '');
  }
  const microManager = asciiTag(file, page, 51123, 'MicroManagerMetadata');
  if (microManager !== undefined) meta.microManager = microManager;
  const items = imagejItems(page);
  if (items !== null) meta.imagej = items;
  return meta;
}

/**
 * The acquisition metadata of a TIFF's first page; undefined when it records none. A tag that
 * cannot be read (past the end of the file, too large) makes the acquisition a problem, not the
 * header; only an error of another kind (the byte source failing, a bug) fails the header.
 */
export function tiffAcquisition(file: TiffFile, page: TiffPage, ome: OmeDocument | null): Acquisition | undefined {
  try {
    return readAcquisition(gather(file, page, ome));
  } catch (error) {
    if (!(error instanceof TiffReadError) && !(error instanceof Error && error.constructor === Error)) throw error;
    return { sources: [], problems: [`The acquisition metadata could not be read (${error.message})`] };
  }
}
