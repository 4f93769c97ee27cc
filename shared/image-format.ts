/**
 * The file formats a row can be: a TIFF (LSM and OME-TIFF included), a vendor file AcqMeta
 * reads (CZI, ND2, LIF, OIB), an OME-Zarr store (a folder, read from its metadata), or an
 * Olympus OIR, which is listed by its sidecar alone (no real OIR file was at hand to test a
 * reader against).
 */
import type { VendorFormat } from './formats/types';
import type { VendorInfo } from './formats/vendor-info';
import type { NgffInfo } from './ngff/ngff-info';
import type { TiffInfo } from './tiff/types';

/** The format of an image row. */
export type ImageFormat = 'tiff' | VendorFormat | 'ome-zarr' | 'oir';

/** Each format's short name, as the table and the command line show it. */
export const IMAGE_FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  tiff: 'TIFF',
  czi: 'CZI',
  nd2: 'ND2',
  lif: 'LIF',
  oib: 'OIB',
  'ome-zarr': 'OME-Zarr',
  oir: 'OIR',
};

/** Whether AcqMeta reads the header of a file of this format (else the header comes from its sidecar). */
export function readsFileHeader(format: ImageFormat): boolean {
  return format !== 'oir';
}

/** Whether AcqMeta decodes the pixels of a file of this format for a preview (an OIR's are not read). */
export function previewsPixels(format: ImageFormat): boolean {
  return format !== 'oir';
}

/** Everything a header read reports about one image: a TIFF's facts, a vendor file's, or an OME-Zarr store's. */
export type ImageInfo = TiffInfo | VendorInfo | NgffInfo;

/** Whether a header read is a vendor file's. */
export function isVendorInfo(info: ImageInfo): info is VendorInfo {
  return 'vendor' in info;
}

/** Whether a header read is an OME-Zarr store's. */
export function isNgffInfo(info: ImageInfo): info is NgffInfo {
  return 'ngff' in info;
}

/** Whether a header read is a TIFF's (its pages, tags and description). */
export function isTiffInfo(info: ImageInfo): info is TiffInfo {
  return !isVendorInfo(info) && !isNgffInfo(info);
}
