/**
 * The one entry point of the vendor readers: picks the reader by the file's first bytes (not
 * only its name), and turns every read failure into a {@link VendorReadError} that names the
 * format, so a hostile file is one clear error and nothing else.
 */
import { TiffReadError } from '../tiff/bounded-reader';
import type { ByteSource } from '../tiff/types';
import { asciiBytes, startsWith } from './bytes';
import { readCziHeader } from './czi';
import { readLifHeader } from './lif';
import { looksLikeLif } from './lif-container';
import { readNd2Header } from './nd2';
import { looksLikeNd2 } from './nd2-container';
import { readOibHeader } from './oib';
import { looksLikeOle2 } from './ole2';
import { VendorReadError, type VendorFormat, type VendorHeader, type VendorReadOptions } from './types';

/** The file extensions read as vendor images (lower case, with the dot). `.oir` is not among them: no real OIR file was at hand to test a reader against. */
export const VENDOR_IMAGE_EXTENSIONS: Readonly<Record<string, VendorFormat>> = {
  '.czi': 'czi',
  '.nd2': 'nd2',
  '.lif': 'lif',
  '.oib': 'oib',
};

const LABELS: Readonly<Record<VendorFormat, string>> = { czi: 'CZI', nd2: 'ND2', lif: 'LIF', oib: 'OIB' };

/** The vendor format a file name's extension stands for, or null (case-insensitive). */
export function vendorFormatOfPath(fileName: string): VendorFormat | null {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? null : (VENDOR_IMAGE_EXTENSIONS[fileName.slice(dot).toLowerCase()] ?? null);
}

/** Whether a file name is one of the vendor image formats AcqMeta reads. */
export function isVendorImagePath(fileName: string): boolean {
  return vendorFormatOfPath(fileName) !== null;
}

/** The vendor format the first bytes of a file announce, or null. */
export function vendorFormatOfBytes(head: Uint8Array): VendorFormat | null {
  if (startsWith(head, asciiBytes('ZISRAWFILE'))) return 'czi';
  if (looksLikeNd2(head)) return 'nd2';
  if (looksLikeLif(head)) return 'lif';
  if (looksLikeOle2(head)) return 'oib';
  return null;
}

const READERS: Readonly<Record<VendorFormat, (source: ByteSource, options: VendorReadOptions) => VendorHeader>> = {
  czi: readCziHeader,
  nd2: readNd2Header,
  lif: readLifHeader,
  oib: readOibHeader,
};

/**
 * Reads the header of a CZI, ND2, LIF or OIB file. The format comes from the first bytes; a
 * file whose bytes match no vendor format fails with a message naming what its extension
 * promised. Throws {@link VendorReadError} for every unreadable file.
 */
export function readVendorHeader(source: ByteSource, fileName: string, options: VendorReadOptions = {}): VendorHeader {
  const promised = vendorFormatOfPath(fileName);
  if (source.size < 16)
    throw new VendorReadError(
      `${promised === null ? 'file' : LABELS[promised]}: the file is ${source.size} bytes, too short for any image header`,
    );
  const format = vendorFormatOfBytes(source.read(0, 16));
  if (format === null)
    throw new VendorReadError(
      promised === null
        ? 'not a CZI, ND2, LIF or OIB file (unknown first bytes)'
        : `not a ${LABELS[promised]} file: its first bytes are not the ${LABELS[promised]} signature`,
    );
  try {
    return READERS[format](source, options);
  } catch (error) {
    if (error instanceof VendorReadError || error instanceof TiffReadError)
      throw new VendorReadError(`${LABELS[format]}: ${error.message}`);
    throw error;
  }
}
