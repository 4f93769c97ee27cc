/**
 * An OME-Zarr header as the scanner hands it on: the summary a folder listing keeps (the same
 * shape as a TIFF's) and everything the header view shows.
 */
import { withListingAcquisition } from '../acquisition/listing-acquisition';
import type { TiffSummary } from '../tiff/types';
import { ngffSummary } from './ngff-summary';
import type { NgffImage } from './types';

/** Everything the header view shows of an OME-Zarr store. */
export interface NgffInfo extends TiffSummary {
  format: 'ome-zarr';
  /** Plane counts of the image for the preview sliders. */
  planes: { c: number; z: number; t: number };
  ngff: NgffImage;
}

/** What a folder listing (and the scan cache) keeps of an OME-Zarr header. */
export function ngffListingOf(image: NgffImage, omeXml: string | null): TiffSummary {
  const { header, fileCalibration, acquisition } = ngffSummary(image, omeXml);
  return withListingAcquisition({ header, fileCalibration, acquisition });
}

/** The header view's facts of an OME-Zarr store (its acquisition whole, with origins). */
export function ngffInfoOf(image: NgffImage, omeXml: string | null): NgffInfo {
  const { header, fileCalibration, acquisition, planes } = ngffSummary(image, omeXml);
  return { header, fileCalibration, acquisition, format: 'ome-zarr', planes, ngff: image };
}
