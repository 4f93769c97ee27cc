/**
 * Leica LIF header reader: the XML header and memory blocks. A LIF holds several images; the
 * header, calibration, planes and acquisition describe image 0, the first image element in
 * document order (the one readlif's `get_image(0)` and Bio-Formats' series 0 return), and
 * `num_scenes` counts them all, as CloudScope counts a CZI's scenes: one sidecar per file.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import type { ByteSource } from '../tiff/types';
import { fail, vendorReader } from './bytes';
import { headerFromSizes, imageSummary } from './header-strings';
import { findLifBlock, readLifXml } from './lif-container';
import { lifDtype, lifImages, lifSampleBytes, lifSizes, type LifImage } from './lif-image';
import { lifAcquisition, lifCalibration, lifDateTime } from './lif-metadata';
import {
  MAX_STORED_PLANES,
  tooManyPlanes,
  type PlaneStore,
  type StoredPlane,
  type VendorHeader,
  type VendorReadOptions,
} from './types';
import { parseVendorXml } from './xml-tools';

/** Where each (c, z, t) plane of the image lies in its memory block: uncompressed, at fixed strides. */
function planeStore(
  reader: BoundedReader,
  start: number,
  image: LifImage,
): { store: PlaneStore | null; note?: string } {
  const [fast, slow] = image.dims;
  const bytes = lifSampleBytes(image);
  if (fast === undefined) return { store: null, note: 'the image has no dimensions' };
  if (image.dims.some((d) => d.letter === 'M' && d.count > 1))
    return { store: null, note: 'mosaic tiles are not located for the preview' };
  if (image.dims.filter((d) => d.letter === 'C').length > 1)
    return { store: null, note: 'two wavelength sweeps are not located for the preview' };
  if (image.memorySize <= 0) return { store: null, note: 'the image has no memory block' };
  const block = findLifBlock(reader, start, image.memoryId);
  if (block === null) fail(`the LIF file has no memory block ${image.memoryId} for image ${image.name}`);
  const rest = image.dims.slice(2);
  const one = (letter: string): { count: number; inc: number } => {
    const d = rest.find((x) => x.letter === letter);
    return { count: d?.count ?? 1, inc: d?.bytesInc ?? 0 };
  };
  const lambda = one('C');
  const stack = rest.find((d) => d.letter === 'Z') ?? rest.find((d) => d.letter === 'Y');
  const time = one('T');
  const channels = image.channels.length > 0 ? image.channels : [{ bytesInc: 0 }];
  const height = slow?.count ?? 1;
  const total = channels.length * lambda.count * (stack?.count ?? 1) * time.count;
  if (total > MAX_STORED_PLANES) return { store: null, note: tooManyPlanes(total) };
  const planes: StoredPlane[] = [];
  for (let c = 0; c < channels.length * lambda.count; c++) {
    for (let z = 0; z < (stack?.count ?? 1); z++) {
      for (let t = 0; t < time.count; t++) {
        const offset =
          block.offset +
          (channels[c % channels.length]?.bytesInc ?? 0) +
          Math.floor(c / channels.length) * lambda.inc +
          z * (stack?.bytesInc ?? 0) +
          t * time.inc;
        const length = (height - 1) * (slow?.bytesInc ?? 0) + fast.count * fast.bytesInc;
        const inside = offset + length <= block.offset + block.size;
        planes.push({
          c,
          z,
          t,
          sampleOffset: 0,
          tiles: inside ? [{ kind: 'bytes', offset, length, x: 0, y: 0, width: fast.count, height }] : [],
        });
      }
    }
  }
  return {
    store: {
      compression: 'none',
      dtype: lifDtype(image),
      samples: 1,
      width: fast.count,
      height,
      pixelStride: fast.bytesInc || bytes,
      rowStride: slow?.bytesInc ?? 0,
      planes,
    },
  };
}

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
  const { store, note } = planeStore(reader, next, first);
  const count = (letter: string): number => sizes.find(([d]) => d === letter)?.[1] ?? 1;
  const plane = first.dims.slice(0, 2).map((d) => d.letter);
  const stackLetter = plane.includes('Z') ? 'Y' : 'Z';
  return {
    format: 'lif',
    header: { ...headerFromSizes(sizes, dtype, images.length), ...lifDateTime(first) },
    fileCalibration: lifCalibration(first),
    planes: { c: count('C'), z: plane.includes(stackLetter) ? 1 : count(stackLetter), t: count('T') },
    images: images.map((image) => imageSummary(image.name, lifSizes(image), lifDtype(image))),
    acquisition: lifAcquisition(first, count('C')),
    store,
    ...(note === undefined ? {} : { storeNote: note }),
  };
}
