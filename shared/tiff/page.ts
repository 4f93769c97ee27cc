/**
 * One page (IFD) with the properties tifffile derives from its tags: shape, axes, dtype and
 * the "hash" that groups pages into series. The rules are tifffile's TiffPage, restated.
 */
import { TiffReadError, type BoundedReader } from './bounded-reader';
import { decodeAscii, decodeNumbers, readEntryBytes, readIfdEntries, type IfdEntry, type TiffFormat } from './ifd';
import { tagLabel } from './tag-names';

/** A parsed page; `shape`/`axes` follow tifffile (`YX`, `YXS`, `SYX`, `ZYX`, ...). */
export interface TiffPage {
  offset: number;
  entries: IfdEntry[];
  imageWidth: number;
  imageLength: number;
  imageDepth: number;
  samplesPerPixel: number;
  /** A single number, or one per sample when they differ. */
  bitsPerSample: number | number[];
  sampleFormat: number | number[];
  compression: number;
  photometric: number;
  planarConfig: number;
  predictor: number;
  fillOrder: number;
  rowsPerStrip: number;
  tileWidth: number;
  tileLength: number;
  subfileType: number;
  subIfds: number[];
  /** YCbCrSubSampling, when the tag is present. */
  subsampling: number[] | null;
  description: string;
  description1: string;
  software: string;
  /** numpy dtype name, or null when tifffile has none for the sample format and bits. */
  dtype: string | null;
  shape: number[];
  /** Always 5 numbers: separate samples, depth, length, width, contiguous samples. */
  shaped: [number, number, number, number, number];
  axes: string;
  /** Pages with equal keys belong to the same tifffile series. */
  hashKey: string;
}

const DTYPES: Readonly<Record<string, string>> = {
  '1,8': 'uint8',
  '1,16': 'uint16',
  '1,32': 'uint32',
  '1,64': 'uint64',
  '2,8': 'int8',
  '2,16': 'int16',
  '2,32': 'int32',
  '2,64': 'int64',
  '3,16': 'float16',
  '3,24': 'float32',
  '3,32': 'float32',
  '3,64': 'float64',
  '6,64': 'complex64',
  '6,128': 'complex128',
  '5,32': 'complex64',
  '5,64': 'complex128',
};

/** numpy dtype of a sample format and bit depth, as tifffile's SAMPLE_DTYPES table. */
function dtypeOf(sampleFormat: number | number[], bits: number | number[]): string | null {
  if (Array.isArray(sampleFormat) || Array.isArray(bits)) return null;
  const format = sampleFormat === 4 ? 1 : sampleFormat; // VOID reads as unsigned
  if (format === 1 && bits >= 1 && bits <= 32) {
    return bits === 1 ? 'bool' : bits <= 8 ? 'uint8' : bits <= 16 ? 'uint16' : 'uint32';
  }
  return DTYPES[`${format},${bits}`] ?? null;
}

/** Bytes per item of a numpy dtype name. */
export function itemSize(dtype: string | null): number {
  if (dtype === null || dtype === 'bool') return 1;
  const bits = Number(/\d+$/.exec(dtype)?.[0] ?? 8);
  return bits / 8;
}

/** Most numbers decoded from one tag (4M strip offsets is a 64 GB image in 16 kB strips). */
const MAX_NUMBERS = 4 * 1024 * 1024;

/** Reads the values of one tag as numbers (rationals as numerator, denominator pairs). */
export function tagNumbers(
  reader: BoundedReader,
  format: TiffFormat,
  entry: IfdEntry,
  maxCount = entry.count,
): number[] {
  if (entry.values !== null) return entry.values.slice(0, maxCount);
  if (Math.min(entry.count, maxCount) > MAX_NUMBERS)
    throw new TiffReadError(`${tagLabel(entry.code)} has too many values (${entry.count})`);
  const bytes = readEntryBytes(reader, entry, () => tagLabel(entry.code), maxCount);
  return decodeNumbers(bytes, entry.type, format.littleEndian);
}

/** Field types whose values are numbers. */
const TYPE_NUMERIC: Readonly<Record<number, true>> = {
  1: true,
  3: true,
  4: true,
  5: true,
  6: true,
  8: true,
  9: true,
  10: true,
  11: true,
  12: true,
  13: true,
  16: true,
  17: true,
  18: true,
};

/** Tags a page's properties come from. */
const PAGE_TAGS = [
  254, 255, 256, 257, 258, 259, 262, 266, 277, 278, 284, 317, 322, 323, 330, 338, 339, 530, 32997, 32998,
];

/** Reads the IFD at `offset` as a page. */
export function readPage(reader: BoundedReader, format: TiffFormat, offset: number): TiffPage {
  const entries = readIfdEntries(reader, format, offset);
  const first = new Map<number, IfdEntry>();
  const descriptions: IfdEntry[] = [];
  for (const entry of entries) {
    if (entry.code === 270 && entry.type === 2) descriptions.push(entry);
    if (!first.has(entry.code)) first.set(entry.code, entry);
  }
  // inline values decode on the spot; only the few stored elsewhere cost a (cached) read
  const numbers = new Map<number, number[]>();
  for (const code of PAGE_TAGS) {
    const entry = first.get(code);
    if (entry === undefined || !(entry.type in TYPE_NUMERIC)) continue;
    numbers.set(code, entry.values ?? tagNumbers(reader, format, entry, 4096));
  }
  const values = (code: number): number[] | undefined => numbers.get(code);
  const scalar = (code: number, fallback: number): number => values(code)?.[0] ?? fallback;
  const text = (entry: IfdEntry): string => decodeAscii(readEntryBytes(reader, entry, () => tagLabel(entry.code)));
  const software = first.get(305);

  const imageWidth = scalar(256, 0);
  const imageLength = scalar(257, 0);
  const imageDepth = scalar(32997, 1);
  const compression = scalar(259, 1);
  const planarConfig = scalar(284, 1);
  let photometric = scalar(262, 0);
  let samplesPerPixel = scalar(277, 1);
  let subfileType = scalar(254, 0);
  if (subfileType === 0) {
    const old = scalar(255, 0);
    subfileType = old === 2 ? 1 : old === 3 ? 2 : 0;
  }
  let bitsPerSample: number | number[] = 1;
  if (compression === 6) {
    // old-style JPEG: tifffile follows libtiff's fix-ups for missing tags
    if (!first.has(262) || photometric === 2) photometric = 6;
    if (!first.has(258)) bitsPerSample = 8;
    if (!first.has(277) && [0, 1, 2, 6].includes(photometric)) samplesPerPixel = 3;
  }
  const bits = values(258);
  if (bits !== undefined && bitsPerSample === 1) bitsPerSample = collapse(bits, samplesPerPixel);
  const formats = values(339);
  const sampleFormat = formats === undefined ? 1 : collapse(formats, samplesPerPixel);
  let rowsPerStrip = scalar(278, 2 ** 32 - 1);
  if (first.has(322)) rowsPerStrip = 0;
  else if (first.has(257)) {
    if (!first.has(278) || (first.get(278)?.count ?? 0) > 1) rowsPerStrip = imageLength;
    rowsPerStrip = Math.min(rowsPerStrip, imageLength);
  }
  const { shape, shaped, axes } = pageGeometry(
    imageDepth,
    imageLength,
    imageWidth,
    samplesPerPixel,
    photometric,
    planarConfig,
  );
  const page: TiffPage = {
    offset,
    entries,
    imageWidth,
    imageLength,
    imageDepth,
    samplesPerPixel,
    bitsPerSample,
    sampleFormat,
    compression,
    photometric,
    planarConfig,
    predictor: scalar(317, 1),
    fillOrder: scalar(266, 1),
    rowsPerStrip,
    tileWidth: scalar(322, 0),
    tileLength: scalar(323, 0),
    subfileType,
    subIfds: values(330) ?? [],
    subsampling: values(530) ?? null,
    description: descriptions[0] === undefined ? '' : text(descriptions[0]),
    description1: descriptions[1] === undefined ? '' : text(descriptions[1]),
    software: software?.type === 2 ? softwareText(() => text(software)) : '',
    dtype: dtypeOf(sampleFormat, bitsPerSample),
    shape,
    shaped,
    axes,
    hashKey: '',
  };
  page.hashKey = [
    shaped,
    rowsPerStrip,
    page.tileWidth,
    page.tileLength,
    scalar(32998, 1),
    sampleFormat,
    bitsPerSample,
    page.fillOrder,
    page.predictor,
    compression,
    values(338) ?? [],
    photometric,
  ].join('|');
  return page;
}

/** A broken Software tag costs the tag, not the file (tifffile skips it too). */
function softwareText(read: () => string): string {
  try {
    return read();
  } catch {
    return '';
  }
}

/** One value when all samples agree, else the list (tifffile's rule for BitsPerSample/SampleFormat). */
function collapse(values: number[], samplesPerPixel: number): number | number[] {
  if (values.length === 1) return values[0] ?? 1;
  const perSample = values.slice(0, samplesPerPixel);
  const head = perSample[0] ?? 1;
  return perSample.every((v) => v === head) ? head : perSample;
}

/** tifffile's page shape: RGB or multi-sample pages get an S axis, volumes a Z axis. */
function pageGeometry(
  depth: number,
  length: number,
  width: number,
  samples: number,
  photometric: number,
  planarConfig: number,
): Pick<TiffPage, 'shape' | 'shaped' | 'axes'> {
  if (photometric === 2 || samples > 1) {
    if (planarConfig === 1) {
      return depth === 1
        ? { shaped: [1, depth, length, width, samples], shape: [length, width, samples], axes: 'YXS' }
        : { shaped: [1, depth, length, width, samples], shape: [depth, length, width, samples], axes: 'ZYXS' };
    }
    return depth === 1
      ? { shaped: [samples, depth, length, width, 1], shape: [samples, length, width], axes: 'SYX' }
      : { shaped: [samples, depth, length, width, 1], shape: [samples, depth, length, width], axes: 'SZYX' };
  }
  return depth === 1
    ? { shaped: [1, depth, length, width, 1], shape: [length, width], axes: 'YX' }
    : { shaped: [1, depth, length, width, 1], shape: [depth, length, width], axes: 'ZYX' };
}
