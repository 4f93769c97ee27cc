/**
 * What the file itself declares: acquisition date and time, pixel size, and the kind of its
 * ImageDescription. CloudScope does not read these; the editor shows them next to the
 * sidecar's own calibration.
 */
import type { FileCalibration } from '../image-header';
import type { DescriptionKind } from './types';
import type { OmeDocument } from './ome';
import { tagNumbers, type TiffPage } from './page';
import { imagejDescription, imagejItems } from './series-imagej';
import { isOme } from './series-ome';
import { lsmVoxelSize } from './series-vendor';
import type { TiffFile } from './tiff-file';
import { decodeAscii, readEntryBytes } from './ifd';

/** `YYYYMMDD` and `HH:MM:SS` from the DateTime tag, else from OME AcquisitionDate, else empty. */
export function declaredDateTime(
  file: TiffFile,
  page: TiffPage,
  ome: OmeDocument | null,
): { date: string; time: string } {
  const entry = page.entries.find((e) => e.code === 306 && e.type === 2);
  if (entry !== undefined) {
    const text = decodeAscii(readEntryBytes(file.reader, entry, 'tag DateTime (306)', 64));
    const match = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(text);
    if (match) return { date: `${match[1]}${match[2]}${match[3]}`, time: match[4] ?? '' };
  }
  for (const image of ome?.images ?? []) {
    const match = /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(image.acquisitionDate ?? '');
    if (match) return { date: `${match[1]}${match[2]}${match[3]}`, time: match[4] ?? '' };
  }
  return { date: '', time: '' };
}

const UNIT_LABELS: Readonly<Record<string, string>> = {
  micron: 'um',
  um: 'um',
  µm: 'um',
  μm: 'um',
  '\\u00B5m': 'um',
};

/** Powers of ten of a metre for the OME length units a microscope writes (OME UnitsLength). */
const OME_EXPONENTS: Readonly<Record<string, number>> = {
  m: 0,
  cm: -2,
  mm: -3,
  µm: -6,
  μm: -6,
  um: -6,
  nm: -9,
  Å: -10,
  pm: -12,
};

/** An OME length converted from one unit to another; NaN when either unit is unknown. */
function inUnit(value: number, from: string, to: string): number {
  if (from === to) return value;
  const shift = (OME_EXPONENTS[from] ?? Number.NaN) - (OME_EXPONENTS[to] ?? Number.NaN);
  return shift >= 0 ? value * 10 ** shift : value / 10 ** -shift;
}

/** Pixel size (numerator, denominator of 1/resolution) from X/YResolution; null when absent or zero. */
function pixelSize(file: TiffFile, page: TiffPage, code: number): [number, number] | null {
  const entry = page.entries.find((e) => e.code === code && (e.type === 5 || e.type === 10) && e.count >= 1);
  if (entry === undefined) return null;
  const [num, den] = tagNumbers(file.reader, file.format, entry, 1);
  return num === undefined || den === undefined || num === 0 || den === 0 ? null : [den, num];
}

/**
 * 72 or 96 dots per inch: what image libraries write when nobody set a resolution (ImageJ
 * treats 72 dpi the same way), so it is no calibration.
 */
function isScreenDpi([num, den]: [number, number]): boolean {
  const dpi = den / num;
  return dpi === 72 || dpi === 96;
}

/**
 * The pixel size the file declares, and where from: ImageJ `unit=` + resolution, OME
 * PhysicalSize, Zeiss LSM's CZ_LSMINFO voxel size, or cm/inch resolution (an inch one is a
 * print resolution; see `CalibrationSource`).
 */
export function declaredCalibration(file: TiffFile, page: TiffPage, ome: OmeDocument | null): FileCalibration | null {
  const x = pixelSize(file, page, 282);
  const y = pixelSize(file, page, 283);
  const meta = imagejItems(page);
  const unit = meta?.unit === undefined ? '' : String(meta.unit).trim();
  if (x !== null && y !== null && unit !== '' && !['pixel', 'pixels', 'inch'].includes(unit.toLowerCase())) {
    return { x: x[0] / x[1], y: y[0] / y[1], unit: UNIT_LABELS[unit] ?? unit, source: 'imagej' };
  }
  if (isOme(page) && ome !== null) {
    const attr = ome.images[0]?.pixels[0]?.attributes;
    if (attr?.PhysicalSizeX !== undefined) {
      const sizeX = Number(attr.PhysicalSizeX);
      const unitX = attr.PhysicalSizeXUnit ?? 'µm';
      const sizeY =
        attr.PhysicalSizeY === undefined
          ? sizeX
          : inUnit(Number(attr.PhysicalSizeY), attr.PhysicalSizeYUnit ?? 'µm', unitX);
      if (sizeX > 0 && sizeY > 0) return { x: sizeX, y: sizeY, unit: UNIT_LABELS[unitX] ?? unitX, source: 'ome' };
    }
  }
  const voxel = lsmVoxelSize(file, page);
  // CZ_LSMINFO gives metres; the sidecar is written in µm
  if (voxel !== null) return { x: voxel.x * 1e6, y: voxel.y * 1e6, unit: 'um', source: 'lsm' };
  const unitEntry = page.entries.find((e) => e.code === 296);
  const resolutionUnit = unitEntry === undefined ? 2 : (tagNumbers(file.reader, file.format, unitEntry, 1)[0] ?? 2);
  const factor = resolutionUnit === 2 ? 25400 : resolutionUnit === 3 ? 10000 : null;
  if (factor === null || x === null || y === null) return null;
  if (resolutionUnit === 2 && isScreenDpi(x) && isScreenDpi(y)) return null;
  return {
    x: (x[0] * factor) / x[1],
    y: (y[0] * factor) / y[1],
    unit: 'um',
    source: resolutionUnit === 2 ? 'resolution-inch' : 'resolution-cm',
  };
}

/** How the description should be pretty-printed. */
export function descriptionKind(page: TiffPage): DescriptionKind {
  const text = page.description;
  if (text === '') return 'none';
  if (isOme(page)) return 'ome';
  if (imagejDescription(page) === text) return 'imagej';
  if (text.startsWith('{')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'text';
    }
  }
  return 'text';
}
