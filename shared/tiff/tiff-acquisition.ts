/**
 * Gathers what the first page holds of each acquisition metadata flavour and hands it to the
 * acquisition reader: no pixel data is read, and only a few small tags besides those the header
 * reader reads anyway (Make, Model, DateTime, the Micro-Manager tag, LSM's scan information).
 */
import { readAcquisition, type TiffMetadata } from '../acquisition/read-acquisition';
import type { Acquisition } from '../acquisition/acquisition-types';
import { TiffReadError } from './bounded-reader';
import { decodeAscii, readEntryBytes, type IfdEntry } from './ifd';
import type { OmeDocument } from './ome';
import { tagNumbers, type TiffPage } from './page';
import { imagejDescription, imagejItems } from './series-imagej';
import { isOme } from './series-ome';
import { isScanImage, scanImageFrameText } from './series-vendor';
import type { TiffFile } from './tiff-file';

/** Most bytes of a text tag read for the acquisition (a longer one is cut, then fails to parse as a whole). */
const MAX_TAG_TEXT = 1024 * 1024;
/** Bytes of CZ_LSMINFO read: its fixed part (the structure is 500 bytes or so). */
const LSM_INFO_BYTES = 512;

/** The first page's entries the acquisition reads: the first of each code, of a type it can read. */
interface AcquisitionEntries {
  dateTime: IfdEntry | undefined;
  make: IfdEntry | undefined;
  model: IfdEntry | undefined;
  xResolution: IfdEntry | undefined;
  yResolution: IfdEntry | undefined;
  resolutionUnit: IfdEntry | undefined;
  lsmInfo: IfdEntry | undefined;
  microManager: IfdEntry | undefined;
}

function isText(entry: IfdEntry): boolean {
  return entry.type === 2 || entry.type === 1 || entry.type === 7;
}

function isRational(entry: IfdEntry): boolean {
  return (entry.type === 5 || entry.type === 10) && entry.count >= 1;
}

/** The entries read, found in one pass over the page's entries. */
function acquisitionEntries(page: TiffPage): AcquisitionEntries {
  const found: AcquisitionEntries = {
    dateTime: undefined,
    make: undefined,
    model: undefined,
    xResolution: undefined,
    yResolution: undefined,
    resolutionUnit: undefined,
    lsmInfo: undefined,
    microManager: undefined,
  };
  for (const entry of page.entries) {
    switch (entry.code) {
      case 271:
        if (isText(entry)) found.make ??= entry;
        break;
      case 272:
        if (isText(entry)) found.model ??= entry;
        break;
      case 282:
        if (isRational(entry)) found.xResolution ??= entry;
        break;
      case 283:
        if (isRational(entry)) found.yResolution ??= entry;
        break;
      case 296:
        found.resolutionUnit ??= entry;
        break;
      case 306:
        if (isText(entry)) found.dateTime ??= entry;
        break;
      case 34412:
        found.lsmInfo ??= entry;
        break;
      case 51123:
        if (isText(entry)) found.microManager ??= entry;
        break;
    }
  }
  return found;
}

/** A text tag's value; `what` names the tag in error messages. */
function asciiTag(file: TiffFile, entry: IfdEntry | undefined, what: string): string | undefined {
  if (entry === undefined) return undefined;
  return decodeAscii(readEntryBytes(file.reader, entry, what, MAX_TAG_TEXT));
}

/** A (S)RATIONAL tag's first value as [numerator, denominator]. */
function rational(file: TiffFile, entry: IfdEntry | undefined): [number, number] | undefined {
  if (entry === undefined) return undefined;
  const [num, den] = tagNumbers(file.reader, file.format, entry, 1);
  return num === undefined || den === undefined ? undefined : [num, den];
}

function resolutionOf(file: TiffFile, entries: AcquisitionEntries): TiffMetadata['tags']['resolution'] {
  const x = rational(file, entries.xResolution);
  const y = rational(file, entries.yResolution);
  if (x === undefined || y === undefined) return undefined;
  const unitEntry = entries.resolutionUnit;
  const unit = unitEntry === undefined ? 2 : (tagNumbers(file.reader, file.format, unitEntry, 1)[0] ?? 2);
  return { x, y, unit };
}

function lsmOf(file: TiffFile, entry: IfdEntry): TiffMetadata['lsm'] {
  if (!file.format.littleEndian) return undefined;
  const length = Math.min(LSM_INFO_BYTES, file.reader.size - entry.valueOffset);
  return {
    info: file.reader.bytes(entry.valueOffset, length, 'CZ_LSMINFO'),
    read: (offset, size) => file.reader.bytes(offset, size, 'LSM scan information'),
    fileSize: file.reader.size,
  };
}

/** ScanImage's texts that are not empty: the description, the Software tag, the BigTIFF header block. */
function scanImageTexts(file: TiffFile, page: TiffPage): string[] {
  const texts: string[] = [];
  for (const text of [page.description, page.software, scanImageFrameText(file)]) if (text !== '') texts.push(text);
  return texts;
}

function gather(file: TiffFile, page: TiffPage, ome: OmeDocument | null, levels: number): TiffMetadata {
  const entries = acquisitionEntries(page);
  const tags = {
    byteOrder: file.format.littleEndian ? ('little' as const) : ('big' as const),
    levels,
    // ScanImage 5 and later keep their frame data in Software: the ScanImage flavour reads it
    software: page.software.startsWith('SI.') ? undefined : page.software || undefined,
    dateTime: asciiTag(file, entries.dateTime, 'tag DateTime (306)'),
    make: asciiTag(file, entries.make, 'tag Make (271)'),
    model: asciiTag(file, entries.model, 'tag Model (272)'),
    resolution: resolutionOf(file, entries),
  };
  const lsm = entries.lsmInfo === undefined ? undefined : lsmOf(file, entries.lsmInfo);
  const scanImage = isScanImage(page) ? scanImageTexts(file, page) : undefined;
  return {
    ome: isOme(page) && ome !== null ? ome.root : undefined,
    lsm,
    scanImage,
    microManager: asciiTag(file, entries.microManager, 'tag MicroManagerMetadata (51123)'),
    // a page without an ImageJ description is not looked up
    imagej: imagejDescription(page) === null ? undefined : (imagejItems(page) ?? undefined),
    tags,
  };
}

/**
 * The acquisition metadata of a TIFF's first page, and how the file stores its first image
 * (`levels`: its resolution levels). A tag that
 * cannot be read (past the end of the file, too large) makes the acquisition a problem, not the
 * header; only an error of another kind (the byte source failing, a bug) fails the header.
 */
export function tiffAcquisition(
  file: TiffFile,
  page: TiffPage,
  ome: OmeDocument | null,
  levels: number,
): Acquisition | undefined {
  try {
    return readAcquisition(gather(file, page, ome, levels));
  } catch (error) {
    if (!(error instanceof TiffReadError) && !(error instanceof Error && error.constructor === Error)) throw error;
    return { sources: [], problems: [`The acquisition metadata could not be read (${error.message})`] };
  }
}
