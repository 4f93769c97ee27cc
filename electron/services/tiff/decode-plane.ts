/**
 * Decodes one preview plane: of a TIFF with geotiff, from the IFD our own reader located; of a
 * CZI, ND2, LIF or OIB file by `decode-vendor-plane.ts` (chosen by the file's extension).
 *
 * geotiff stays the pixel decoder (LZW, Deflate, JPEG, PackBits, predictors, bit depths),
 * but it is handed an IFD we parsed ourselves: its own IFD parsing decodes lazily loaded
 * arrays of big-endian files as little-endian, rejects tag type 0 and walks every page
 * without loop checks (docs/tiff-headers.md). Only the requested page's strips or
 * tiles are read, each bounded by the file size, so a 2 GB stack previews in a few reads.
 */
import { GeoTIFFImage, ImageFileDirectory } from 'geotiff';
import type { PreviewImage } from '../../../shared/api';
import { vendorFormatOfPath } from '../../../shared/formats';
import {
  compressionName,
  isContiguous,
  locatePlane,
  openTiff,
  pageBytes,
  PlaneRangeError,
  readDataLayout,
  type PlaneLocation,
  tagNumbers,
  TiffReadError,
  TYPE_SIZES,
  type ByteSource,
  type TiffFile,
  type TiffPage,
} from '../../../shared/tiff';
import { registerBoundedDecoders } from './bounded-decoders';
import { autoContrast, fitSize } from './contrast';
import { decodeStorePlane } from './decode-store-plane';
import { withZarrStore } from './zarr-store-at';
import { decodeVendorPlane } from './decode-vendor-plane';
import { MAX_PLANE_BYTES, MAX_PREVIEW_SIZE, type PlaneRequest } from './plane-limits';
import type { SampleArray } from './plane-samples';
import { copyWholePlane, type BlockTags } from './whole-plane';

/** Compressions the preview decodes: none, LZW, JPEG, Deflate, PackBits. */
const DECODABLE = new Set([1, 5, 7, 8, 32773, 32946]);
/** Tags geotiff always expects as arrays. */
const ARRAY_TAGS = new Set([258, 273, 279, 320, 324, 325, 338, 339, 347, 530, 532]);

type TagValue = number | number[];

function tagValues(file: TiffFile, page: TiffPage): Map<number, TagValue> {
  const values = new Map<number, TagValue>();
  for (const entry of page.entries) {
    if (entry.type === 2 || TYPE_SIZES[entry.type] === undefined || values.has(entry.code)) continue;
    const numbers = tagNumbers(file.reader, file.format, entry);
    values.set(entry.code, numbers.length === 1 && !ARRAY_TAGS.has(entry.code) ? (numbers[0] as number) : numbers);
  }
  // one BitsPerSample or SampleFormat value for all samples is common; geotiff wants one per sample
  for (const code of [258, 339]) {
    const given = [values.get(code) ?? []].flat();
    if (given.length > 0 && given.length < page.samplesPerPixel) {
      values.set(
        code,
        Array.from({ length: page.samplesPerPixel }, (_, i) => given[i] ?? (given[0] as number)),
      );
    }
  }
  return values;
}

/** Tag values of the plane's page; for an ImageJ virtual stack, the first page shifted to plane `index`. */
function planeTags(
  file: TiffFile,
  keyframe: TiffPage,
  pageOffset: number | null,
  index: number,
): Map<number, TagValue> {
  if (pageOffset !== null) return tagValues(file, file.pageAt(pageOffset));
  const layout = readDataLayout(file.reader, file.format, keyframe);
  if (!isContiguous(keyframe, layout)) throw new TiffReadError(`plane ${index} is not stored in this file`);
  const values = tagValues(file, keyframe);
  const bytes = pageBytes(keyframe);
  values.set(273, [(layout.offsets[0] ?? 0) + index * bytes]);
  values.set(279, [bytes]);
  values.set(278, keyframe.imageLength);
  values.delete(324);
  values.delete(325);
  return values;
}

/** Fails unless every strip or tile lies inside the file and the plane fits in memory. */
function checkData(values: Map<number, TagValue>, size: number, planeBytes: number, maxPlaneBytes: number): void {
  const offsets = [values.get(324) ?? values.get(273) ?? []].flat();
  const counts = [values.get(325) ?? values.get(279) ?? []].flat();
  offsets.forEach((offset, i) => {
    const end = offset + (counts[i] ?? 0);
    if (end > size) throw new TiffReadError(`truncated file: image data at ${offset} runs past the end (size ${size})`);
  });
  if (planeBytes > maxPlaneBytes)
    throw new TiffReadError(`the plane is too large to decode (${planeBytes} bytes decoded)`);
}

/** Interleaves three sample planes into RGB bytes, auto-contrasted jointly unless already 8-bit. */
function interleaveRgb(planes: ArrayLike<number>[], isUint8: boolean): Uint8Array {
  const [r = [], g = [], b = []] = planes;
  const rgb = new Float64Array(r.length * 3);
  for (let i = 0; i < r.length; i++) {
    rgb[3 * i] = r[i] as number;
    rgb[3 * i + 1] = g[i] as number;
    rgb[3 * i + 2] = b[i] as number;
  }
  return isUint8 ? Uint8Array.from(rgb) : autoContrast(rgb);
}

function geotiffSource(source: ByteSource): ConstructorParameters<typeof GeoTIFFImage>[3] {
  const fetchSlice = async (slice: { offset: number; length: number }) => {
    const bytes = source.read(slice.offset, slice.length);
    const data =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    return { ...slice, data };
  };
  return {
    fetchSlice,
    fetch: async (slices: { offset: number; length: number }[]) =>
      Promise.all(slices.map(async (s) => (await fetchSlice(s)).data)),
    get fileSize() {
      return source.size;
    },
    close: async () => undefined,
  };
}

/** Refuses a preview size out of range. */
function checkMaxSize(request: PlaneRequest): void {
  if (!Number.isInteger(request.maxSize) || request.maxSize < 1 || request.maxSize > MAX_PREVIEW_SIZE) {
    throw new PlaneRangeError(`maxSize must be a whole number from 1 to ${MAX_PREVIEW_SIZE}`);
  }
}

/** Decodes plane (c, z, t) of the OME-Zarr store (folder or zip) at `absPath`, downsampled to fit `maxSize` and auto-contrasted to 8 bits. */
export async function decodeStorePreview(absPath: string, request: PlaneRequest): Promise<PreviewImage> {
  checkMaxSize(request);
  return withZarrStore(absPath, (store) => decodeStorePlane(store, request));
}

/**
 * Decodes plane (c, z, t) of series[0] of a TIFF, or of image 0 of a CZI, ND2, LIF or OIB file
 * (by its extension), downsampled to fit `maxSize` and auto-contrasted to 8 bits.
 */
export async function decodePlane(source: ByteSource, request: PlaneRequest, fileName: string): Promise<PreviewImage> {
  checkMaxSize(request);
  if (vendorFormatOfPath(fileName) !== null) return decodeVendorPlane(source, request, fileName, decodeTiffPlane);
  return decodeTiffPlane(source, request, fileName);
}

/** A plane of series[0] ready to decode: geotiff's image of its page, and what the page says of it. */
interface OpenPlane {
  image: GeoTIFFImage;
  location: PlaneLocation;
  keyframe: TiffPage;
  width: number;
  height: number;
  photometric: number;
  blockTags: BlockTags;
}

/** Opens plane (c, z, t) of series[0] of a TIFF for geotiff, refusing one over `maxPlaneBytes` decoded. */
function openTiffPlane(
  source: ByteSource,
  request: { c: number; z: number; t: number },
  fileName: string,
  maxPlaneBytes: number,
): OpenPlane {
  registerBoundedDecoders();
  const opened = openTiff(source, { fileName });
  const { file, series } = opened;
  const location = locatePlane(opened, request);
  const keyframe = series.keyframe;
  if (location.ifdOffset === null && (series.kind !== 'imagej' || location.pageIndex === 0)) {
    throw new TiffReadError(`plane ${location.pageIndex} is not stored in this file`);
  }
  const values = planeTags(file, keyframe, location.ifdOffset, location.pageIndex);
  const scalar = (code: number, fallback: number): number => [values.get(code) ?? fallback].flat()[0] ?? fallback;
  const compression = scalar(259, 1);
  if (!DECODABLE.has(compression))
    throw new TiffReadError(`AcqMeta cannot decode ${compressionName(compression)} compression`);
  const width = scalar(256, 0);
  const height = scalar(257, 0);
  const photometric = scalar(262, keyframe.photometric);
  const sampleBytes = Math.max(1, Math.ceil(Math.max(...[values.get(258) ?? 8].flat()) / 8));
  checkData(values, source.size, width * height * scalar(277, 1) * sampleBytes, maxPlaneBytes);
  const directory = new ImageFileDirectory(new Map<number, TagValue>(values), new Map(), new Map(), 0);
  const image = new GeoTIFFImage(directory, file.format.littleEndian, false, geotiffSource(source));
  const blockTags = {
    compression,
    bitsPerSample: [values.get(258) ?? 1].flat(),
    sampleFormat: scalar(339, 1),
    predictor: scalar(317, 1),
  };
  return { image, location, keyframe, width, height, photometric, blockTags };
}

/**
 * The samples of plane (c, z, t) of series[0] of a TIFF at full resolution, in the file's
 * sample type, before any contrast: one value per pixel, or the colour samples of an RGB page
 * interleaved. A plane over `maxPlaneBytes` decoded is refused.
 */
export async function decodeTiffSamples(
  source: ByteSource,
  request: { c: number; z: number; t: number },
  fileName: string,
  maxPlaneBytes: number,
): Promise<{ width: number; height: number; samples: number; values: SampleArray }> {
  const { image, location, keyframe, width, height, blockTags } = openTiffPlane(
    source,
    request,
    fileName,
    maxPlaneBytes,
  );
  const copied = await copyWholePlane(image, blockTags, location.sample);
  if (copied !== null)
    return { width, height, samples: location.sample === null ? keyframe.samplesPerPixel : 1, values: copied };
  if (location.sample === null) {
    const samples = keyframe.samplesPerPixel;
    const values = (await image.readRasters({ interleave: true })) as unknown as SampleArray;
    return { width, height, samples, values };
  }
  const [raster] = await image.readRasters({ samples: [location.sample] });
  return { width, height, samples: 1, values: raster as unknown as SampleArray };
}

/** Decodes plane (c, z, t) of series[0] of a TIFF (`maxSize` already checked). */
async function decodeTiffPlane(source: ByteSource, request: PlaneRequest, fileName: string): Promise<PreviewImage> {
  const { image, location, keyframe, width, height, photometric } = openTiffPlane(
    source,
    request,
    fileName,
    MAX_PLANE_BYTES,
  );
  const size = fitSize(width, height, request.maxSize);
  const common = { width: size.width, height: size.height, resampleMethod: 'nearest' };
  let pixels: Uint8Array;
  let channels: 1 | 3;
  if (location.sample === null) {
    channels = 3;
    if (photometric === 2) {
      const planes = await image.readRasters({ ...common, samples: [0, 1, 2] });
      pixels = interleaveRgb(planes, keyframe.dtype === 'uint8');
    } else {
      pixels = Uint8Array.from(await image.readRGB({ ...common, interleave: true }));
    }
  } else {
    channels = 1;
    const [raster] = await image.readRasters({ ...common, samples: [location.sample] });
    pixels = autoContrast(raster ?? [], photometric === 0, keyframe.dtype === 'bool' ? [0, 1] : undefined);
  }
  return {
    width: size.width,
    height: size.height,
    channels,
    data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength).toString('base64'),
    sourceWidth: width,
    sourceHeight: height,
  };
}
