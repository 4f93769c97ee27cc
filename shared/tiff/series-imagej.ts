/**
 * ImageJ hyperstacks: the `ImageJ=` description (images, channels, slices, frames, order)
 * and the series tifffile builds from it (dimension order TZCYXS).
 */
import { isFinal, pageBytes, readDataLayout } from './page-data';
import type { TiffPage } from './page';
import { product, type Series } from './series-types';
import type { TiffFile } from './tiff-file';

/** A value of the description, typed as Python's int/float/bool conversions would. */
export type ImageJValue = number | boolean | string;

/** Python's str.splitlines() boundaries (file, group and record separators included). */
const LINE_BREAKS = new Set([10, 11, 12, 13, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);

/** Splits like Python's str.splitlines(). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!LINE_BREAKS.has(text.charCodeAt(i))) continue;
    lines.push(text.slice(start, i));
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function pythonValue(text: string): ImageJValue {
  if (/^[+-]?\d+(_\d+)*$/.test(text)) return Number(text.replace(/_/g, ''));
  if (/^[+-]?((\d+\.?\d*|\.\d+)(e[+-]?\d+)?|inf(inity)?|nan)$/i.test(text)) {
    const lower = text.toLowerCase().replace(/^\+/, '');
    if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
    return lower.endsWith('nan') ? NaN : Number(text);
  }
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

/** Parses an ImageJ description into its `key=value` items; null when it is not one. */
export function parseImageJDescription(description: string): Record<string, ImageJValue> | null {
  const result: Record<string, ImageJValue> = {};
  for (const line of splitLines(description)) {
    const parts = line.split('=');
    if (parts.length !== 2) continue;
    result[(parts[0] ?? '').trim()] = pythonValue((parts[1] ?? '').trim());
  }
  return 'ImageJ' in result || 'SCIFIO' in result ? result : null;
}

/** The parsed ImageJ description of each page read (the series, the calibration and the acquisition each ask). */
const parsedItems = new WeakMap<TiffPage, Record<string, ImageJValue> | null>();

/** The items of a page's ImageJ description, parsed once per page; null when it has none. */
export function imagejItems(page: TiffPage): Record<string, ImageJValue> | null {
  let items = parsedItems.get(page);
  if (items === undefined) {
    const description = imagejDescription(page);
    items = description === null ? null : parseImageJDescription(description);
    parsedItems.set(page, items);
  }
  return items;
}

/** The ImageJ description of a page (first or second ImageDescription), as tifffile finds it. */
export function imagejDescription(page: TiffPage): string | null {
  for (const description of [page.description, page.description1]) {
    if (!description) return null;
    if (description.startsWith('ImageJ=') || description.startsWith('SCIFIO=')) return description;
  }
  return null;
}

const ORDERS: Readonly<Record<string, string>> = {
  czt: 'TZC',
  default: 'TZC',
  ctz: 'ZTC',
  zct: 'TCZ',
  ztc: 'CTZ',
  tcz: 'ZCT',
  tzc: 'CZT',
};

/** tifffile's ImageJ series, or null when the metadata do not fit the file (then: generic). */
export function imagejSeries(file: TiffFile, page: TiffPage): Series | null {
  const meta = imagejItems(page);
  if (meta === null) return null;
  const num = (key: string): number => {
    const value = meta[key];
    return typeof value === 'number' ? value : value === undefined ? 1 : NaN;
  };
  const frames = num('frames');
  const slices = num('slices');
  let channels = num('channels');
  let images = num('images');
  if (!(images >= 1 && frames >= 1 && slices >= 1 && channels >= 1)) return null;
  const [separate, , , , contig] = page.shaped;
  if (channels === 1) images = frames * slices;
  else if (separate > 1 && separate === channels) images = frames * slices;
  else if (images === frames * slices && contig === channels) channels = 1;
  else images = frames * slices * channels;
  if (images === 1 && file.pageCount > 1) images = file.pageCount;

  const layout = readDataLayout(file.reader, file.format, page);
  const firstOffset = layout.offsets[0] ?? 0;
  if (isFinal(page, layout) && firstOffset + images * pageBytes(page) > file.reader.size) return null;

  const order = String(meta.order ?? 'czt').toLowerCase();
  const axesOrder = ORDERS[order] ?? 'TZC';
  const sizes: Record<string, number> = { T: frames, Z: slices, C: channels };
  let axes = axesOrder;
  let shape = [...axesOrder].map((axis) => sizes[axis] ?? 1);
  const remain = Math.floor(images / product(shape));
  if (remain > 1) {
    shape = [remain, ...shape];
    axes = `I${axes}`;
  }
  if (separate > 1) {
    shape = [...shape.slice(0, -1), ...page.shape];
    axes += page.axes.slice(1);
  } else {
    shape = [...shape, ...page.shape];
    axes += page.axes;
  }
  if (!axes.includes('S')) {
    shape.push(1);
    axes += 'S';
  }
  return {
    kind: 'imagej',
    shape,
    axes,
    dtype: page.dtype ?? 'float64',
    squeeze: true,
    keyframe: page,
    pages: [...file.pageOffsets],
  };
}
