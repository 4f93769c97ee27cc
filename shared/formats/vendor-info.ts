/**
 * A vendor header as the scanner hands it on: the summary a folder listing keeps (the same
 * shape as a TIFF's) and everything the header view shows.
 */
import { listingAcquisition } from '../acquisition/listing-acquisition';
import type { TiffSummary } from '../tiff/types';
import type { VendorFileDetail, VendorFormat, VendorHeader } from './types';

/** Everything the header view shows of a vendor file. */
export interface VendorInfo extends TiffSummary {
  format: VendorFormat;
  /** Plane counts of image 0 for the preview sliders. */
  planes: { c: number; z: number; t: number };
  vendor: VendorFileDetail;
}

/** What a folder listing (and the scan cache) keeps of a vendor header. */
export function vendorSummaryOf(read: VendorHeader): TiffSummary {
  const listed = { header: read.header, fileCalibration: read.fileCalibration };
  return read.acquisition === undefined ? listed : { ...listed, acquisition: listingAcquisition(read.acquisition) };
}

/** The header view's facts of a vendor file (its acquisition whole, with origins). */
export function vendorInfoOf(read: VendorHeader): VendorInfo {
  return {
    header: read.header,
    fileCalibration: read.fileCalibration,
    ...(read.acquisition === undefined ? {} : { acquisition: read.acquisition }),
    format: read.format,
    planes: read.planes,
    vendor: { images: read.images, attachments: read.attachments ?? [] },
  };
}
