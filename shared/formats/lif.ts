/**
 * Leica LIF header reader: the XML header and memory blocks. A LIF holds several images; the
 * header, calibration, planes and acquisition describe image 0, the first image element in
 * document order (the one readlif's `get_image(0)` and Bio-Formats' series 0 return), and
 * `num_scenes` counts them all, as CloudScope counts a CZI's scenes: one sidecar per file.
 */
import type { ByteSource } from '../tiff/types';
import { fail, vendorReader } from './bytes';
import { headerFromSizes, imageSummary } from './header-strings';
import { readLifXml } from './lif-container';
import { lifDtype, lifImages, lifSizes } from './lif-image';
import { lifAcquisition, lifCalibration, lifDateTime } from './lif-metadata';
import { lifAxes, lifPlaneCounts, lifPlaneStore } from './lif-planes';
import type { VendorHeader, VendorReadOptions } from './types';
import { parseVendorXml } from './xml-tools';

/** Reads the header of a LIF file: of image 0, or of the image `options.image` names. */
export function readLifHeader(source: ByteSource, options: VendorReadOptions = {}): VendorHeader {
  const reader = vendorReader(source, options);
  const { xml, next } = readLifXml(reader);
  const images = lifImages(parseVendorXml(xml, 'the LIF XML header'));
  if (images.length === 0) fail('the LIF file describes no image');
  const first = images[options.image ?? 0];
  if (first === undefined) fail(`the LIF file has no image number ${options.image}`);
  const sizes = lifSizes(first);
  const dtype = lifDtype(first);
  const axes = lifAxes(first, options.planeAxes ?? 'stored');
  const { store, note } = lifPlaneStore(reader, next, first, axes);
  const count = (letter: string): number => sizes.find(([d]) => d === letter)?.[1] ?? 1;
  return {
    format: 'lif',
    header: { ...headerFromSizes(sizes, dtype, images.length), ...lifDateTime(first) },
    fileCalibration: lifCalibration(axes),
    planes: lifPlaneCounts(first, axes),
    images: images.map((image) => imageSummary(image.name, lifSizes(image), lifDtype(image))),
    acquisition: lifAcquisition(first, count('C')),
    store,
    ...(note === undefined ? {} : { storeNote: note }),
  };
}
