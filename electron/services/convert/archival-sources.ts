/**
 * The images of a source file as an archival copy reads them: their pixels' shape and sample
 * type (`ArchivalPixels`), what the file records of their acquisition, and a reader of their
 * full-resolution planes in OME's XYCZT order, C fastest. A TIFF is one image (tifffile's
 * series 0, as the scanner sees it); a CZI gives each scene, a LIF each image; an ND2 or OIB
 * file gives image 0, its other images (ND2 positions) refused, said why. Planes are decoded with the preview's decoders at full resolution, no contrast, in the
 * source's sample type, each bounded by {@link MAX_ARCHIVAL_PLANE_BYTES}.
 */
import type { FileCalibration, HeaderValues } from '../../../shared/api';
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import { oibPlaneSource, readVendorHeader, vendorFormatOfPath, type VendorHeader } from '../../../shared/formats';
import type { ArchivalDtype, ArchivalPixels } from '../../../shared/ome-tiff';
import { headerAxes } from '../../../shared/sheets/header-axes';
import { openTiff, type ByteSource } from '../../../shared/tiff';
import { decodeTiffSamples, decodeVendorSamples, type SampleArray } from '../tiff';
import type { PlaneReader } from './ome-tiff-writer';

/** Most bytes one decoded plane of an archival copy may take: one plane in memory stays bounded. */
export const MAX_ARCHIVAL_PLANE_BYTES = 1024 * 1024 * 1024;

/** What an image ready to copy says of itself: its pixels, its acquisition and the file's pixel size. */
interface ReadyImage {
  ok: true;
  pixels: ArchivalPixels;
  acquisition: Acquisition;
  fileCalibration: FileCalibration | null;
  /**
   * Whether the source's sidecar states this image's X and Y pixel size: a sidecar describes
   * image 0's plane as the file stores it, which is X by Y unless it is a LIF's xz scan.
   */
  sidecarPlane: boolean;
}

/** An image refused, with the reason in words. */
interface RefusedImage {
  ok: false;
  reason: string;
}

/** One image of a source as described across threads: ready to copy (no plane reader), or refused. */
export type DescribedImage = { index: number; name: string } & (ReadyImage | RefusedImage);

/** One image of a source: ready to copy, with the reader of its planes, or refused. */
export type SourceImage = { index: number; name: string } & ((ReadyImage & { readPlane: PlaneReader }) | RefusedImage);

const DTYPES: readonly ArchivalDtype[] = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'];

/** The (c, z, t) of plane `index` of `pixels`, C fastest, then Z, then T. */
export function planeAt(pixels: ArchivalPixels, index: number): { c: number; z: number; t: number } {
  const c = index % pixels.sizeC;
  const rest = Math.floor(index / pixels.sizeC);
  return { c, z: rest % pixels.sizeZ, t: Math.floor(rest / pixels.sizeZ) };
}

/** The numpy name of a typed array's sample type. */
function dtypeOf(values: SampleArray): string {
  return values.constructor.name
    .replace(/Array$/, '')
    .replace(/^Uint/, 'uint')
    .replace(/^Int/, 'int')
    .replace(/^Float/, 'float');
}

/** Fails with `reason` unless `dtype` is a sample type an archival copy keeps. */
function archivalDtype(dtype: string): ArchivalDtype {
  const found = DTYPES.find((d) => d === dtype);
  if (found === undefined) throw new Error(`its samples (${dtype}) have no archival OME-TIFF type`);
  return found;
}

/** Fails unless a decoded plane has the shape and type the image's pixels say. */
function checked(
  pixels: ArchivalPixels,
  plane: { width: number; height: number; samples: number; values: SampleArray },
): SampleArray {
  const { width, height, samples } = pixels;
  if (
    plane.width !== width ||
    plane.height !== height ||
    plane.samples !== samples ||
    dtypeOf(plane.values) !== pixels.dtype
  )
    throw new Error(
      `a plane is ${plane.width} × ${plane.height} × ${plane.samples} ${dtypeOf(plane.values)}, not ${width} × ${height} × ${samples} ${pixels.dtype} as its first`,
    );
  return plane.values;
}

/** The one image of a TIFF: series 0, its planes as the preview's sliders count them. */
async function tiffImages(source: ByteSource, fileName: string): Promise<SourceImage[]> {
  const { info, series } = openTiff(source, { fileName });
  const first = await decodeTiffSamples(source, { c: 0, z: 0, t: 0 }, fileName, MAX_ARCHIVAL_PLANE_BYTES);
  const { c, z, t } = info.planes;
  const stored = series.shape.reduce((a, b) => a * b, 1) / (first.width * first.height * first.samples);
  // a colour page whose samples the file calls channels (shaped CYX, RGB) is one plane, not one per sample
  const sizeC = c * z * t === stored ? c : (c / first.samples) * z * t === stored ? c / first.samples : null;
  if (sizeC === null)
    throw new Error(
      `its ${series.axes} planes (${stored}) are not its channels, slices and time points (${c * z * t})`,
    );
  const pixels: ArchivalPixels = {
    width: first.width,
    height: first.height,
    samples: first.samples,
    dtype: archivalDtype(dtypeOf(first.values)),
    sizeC,
    sizeZ: z,
    sizeT: t,
  };
  const readPlane: PlaneReader = async (index) =>
    checked(pixels, await decodeTiffSamples(source, planeAt(pixels, index), fileName, MAX_ARCHIVAL_PLANE_BYTES));
  return [
    {
      index: 0,
      name: fileName,
      ok: true,
      pixels,
      readPlane,
      acquisition: info.acquisition ?? { sources: [] },
      fileCalibration: info.fileCalibration,
      sidecarPlane: true,
    },
  ];
}

/** Colour samples in RGB order: a CZI stores them blue first. */
function rgbOrder(values: SampleArray, samples: number): SampleArray {
  for (let i = 0; i + 2 < values.length; i += samples) {
    const blue = values[i] as number;
    values[i] = values[i + 2] as number;
    values[i + 2] = blue;
  }
  return values;
}

/** Reads full-resolution planes of image 0 of a vendor file, and the pixels they make. */
async function vendorPlanes(
  source: ByteSource,
  header: VendorHeader,
): Promise<{ pixels: ArchivalPixels; readPlane: PlaneReader }> {
  const counts = { sizeC: header.planes.c, sizeZ: header.planes.z, sizeT: header.planes.t };
  const decode = async (plane: { c: number; z: number; t: number }) => {
    if (header.format === 'oib') {
      const stream = oibPlaneSource(source, plane, { maxBytes: MAX_ARCHIVAL_PLANE_BYTES + 64 * 1024 * 1024 });
      return decodeTiffSamples(stream.source, { c: 0, z: 0, t: 0 }, stream.name, MAX_ARCHIVAL_PLANE_BYTES);
    }
    const raw = await decodeVendorSamples(source, header, plane, MAX_ARCHIVAL_PLANE_BYTES);
    return { ...raw, values: raw.bgr && raw.samples >= 3 ? rgbOrder(raw.values, raw.samples) : raw.values };
  };
  const first = await decode({ c: 0, z: 0, t: 0 });
  const pixels: ArchivalPixels = {
    width: first.width,
    height: first.height,
    samples: first.samples,
    dtype: archivalDtype(dtypeOf(first.values)),
    ...counts,
  };
  return { pixels, readPlane: async (index) => checked(pixels, await decode(planeAt(pixels, index))) };
}

/** Whether an image's stored plane, its header's last two axes (a colour sample axis aside), is X by Y. */
function storedXy(header: HeaderValues): boolean {
  return headerAxes(header).axes.replace(/S$/, '').endsWith('YX');
}

/** Formats whose reader describes any image of the file asked for (a CZI's scene, a LIF's image). */
const EVERY_IMAGE = new Set(['czi', 'lif']);

/**
 * The images of a CZI, ND2, LIF or OIB file, each with its planes: every scene of a CZI and
 * image of a LIF; image 0 of an ND2 or OIB file, whose other images (ND2 positions) are refused.
 */
async function vendorImages(source: ByteSource, fileName: string): Promise<SourceImage[]> {
  // a LIF's planes laid X by Y, each axis as the file names it: an xz scan's Z is no Y
  const first = readVendorHeader(source, fileName, { planeAxes: 'xy' });
  const names = first.images.length > 0 ? first.images.map((image) => image.name) : [fileName];
  const images: SourceImage[] = [];
  for (const [index, name] of names.entries()) {
    if (index > 0 && !EVERY_IMAGE.has(first.format)) {
      const reason = `AcqMeta locates the planes of an ${first.format.toUpperCase()} file's first image only; image ${index + 1} of ${names.length} is not converted`;
      images.push({ index, name, ok: false, reason });
      continue;
    }
    try {
      const header = index === 0 ? first : readVendorHeader(source, fileName, { image: index, planeAxes: 'xy' });
      const { pixels, readPlane } = await vendorPlanes(source, header);
      const { acquisition, fileCalibration } = header;
      const sidecarPlane = index === 0 && storedXy(first.header);
      images.push({ index, name, ok: true, pixels, readPlane, acquisition, fileCalibration, sidecarPlane });
    } catch (error) {
      images.push({ index, name, ok: false, reason: (error as Error).message });
    }
  }
  return images;
}

/**
 * The images of the source file `source` named `fileName`: each ready to copy, or refused with
 * the reason (a file that cannot be read at all is one image refused with the reader's words).
 */
export async function sourceImages(source: ByteSource, fileName: string): Promise<SourceImage[]> {
  if (/\.oir$/i.test(fileName))
    return [{ index: 0, name: fileName, ok: false, reason: 'AcqMeta reads no OIR file’s planes (only its sidecar)' }];
  try {
    return vendorFormatOfPath(fileName) === null
      ? await tiffImages(source, fileName)
      : await vendorImages(source, fileName);
  } catch (error) {
    return [{ index: 0, name: fileName, ok: false, reason: (error as Error).message }];
  }
}
