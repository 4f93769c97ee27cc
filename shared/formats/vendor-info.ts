/**
 * A vendor header as the scanner hands it on: the summary a folder listing keeps (the same
 * shape as a TIFF's) and everything the header view shows.
 */
import { withListingAcquisition } from '../acquisition/listing-acquisition';
import type { TiffSummary } from '../tiff/types';
import type { VendorFileDetail, VendorFormat, VendorHeader } from './types';

/** Everything the header view shows of a vendor file. */
export interface VendorInfo extends TiffSummary {
  format: VendorFormat;
  /** Plane counts of image 0 for the preview sliders. */
  planes: { c: number; z: number; t: number };
  vendor: VendorFileDetail;
}

/** The header values, declared calibration and acquisition of a vendor header. */
function summaryFields(read: VendorHeader): TiffSummary {
  const { header, fileCalibration, acquisition } = read;
  return acquisition === undefined ? { header, fileCalibration } : { header, fileCalibration, acquisition };
}

/** What a folder listing (and the scan cache) keeps of a vendor header. */
export function vendorSummaryOf(read: VendorHeader): TiffSummary {
  return withListingAcquisition(summaryFields(read));
}

/** The header view's facts of a vendor file (its acquisition whole, with origins). */
export function vendorInfoOf(read: VendorHeader): VendorInfo {
  return {
    ...summaryFields(read),
    format: read.format,
    planes: read.planes,
    vendor: { images: read.images, attachments: read.attachments ?? [] },
  };
}
