/**
 * Vendor series tifffile recognises before its fallbacks: Zeiss LSM (CZ_LSMINFO tag) and
 * ScanImage (frame data in a BigTIFF header block).
 */
import { TiffReadError } from './bounded-reader';
import { decodeAscii, viewOf } from './ifd';
import type { TiffPage } from './page';
import type { Series } from './series-types';
import type { TiffFile } from './tiff-file';

/** Dimension order of each CZ_LSMINFO ScanType, fastest first. */
const LSM_SCAN_TYPES: Readonly<Record<number, string>> = {
  0: 'XYZCT',
  1: 'XYZCT',
  2: 'XYZCT',
  3: 'XYTCZ',
  4: 'XYZTC',
  5: 'XYTCZ',
  6: 'XYZTC',
  7: 'XYCTZ',
  8: 'XYCZT',
  9: 'XYTCZ',
  10: 'XYZCT',
};
/** Byte offset of each dimension in CZ_LSMINFO. */
const LSM_DIMENSIONS: Readonly<Record<string, number>> = { X: 8, Y: 12, Z: 16, C: 20, T: 24, P: 264, M: 268 };

/** Whether the page carries Zeiss LSM metadata. */
export function isLsm(page: TiffPage): boolean {
  return page.entries.some((e) => e.code === 34412);
}

/** The two magic numbers a CZ_LSMINFO structure starts with (LSM versions 1.3 and 1.5+). */
const LSM_MAGIC = new Set([50350412, 67127628]);
/** Byte offsets of VoxelSizeX and VoxelSizeY (float64, metres) in CZ_LSMINFO. */
const LSM_VOXEL_X = 40;
const LSM_VOXEL_Y = 48;

/**
 * The pixel size a Zeiss LSM file declares in CZ_LSMINFO (VoxelSizeX and VoxelSizeY), in
 * metres; null when the page has no such structure or the sizes are not positive.
 */
export function lsmVoxelSize(file: TiffFile, page: TiffPage): { x: number; y: number } | null {
  const entry = page.entries.find((e) => e.code === 34412);
  if (entry === undefined || !file.format.littleEndian) return null;
  const info = viewOf(file.reader.bytes(entry.valueOffset, LSM_VOXEL_Y + 8, 'CZ_LSMINFO'));
  if (!LSM_MAGIC.has(info.getUint32(0, true)) || info.getInt32(4, true) < LSM_VOXEL_Y + 8) return null;
  const x = info.getFloat64(LSM_VOXEL_X, true);
  const y = info.getFloat64(LSM_VOXEL_Y, true);
  const ok = (v: number): boolean => Number.isFinite(v) && v > 0;
  return ok(x) && ok(y) ? { x, y } : null;
}

/** tifffile's LSM series: the image planes (even pages) and the thumbnails (odd pages). */
export function lsmSeries(file: TiffFile, page: TiffPage): Series[] | null {
  const entry = page.entries.find((e) => e.code === 34412);
  if (entry === undefined || !file.format.littleEndian) return null;
  const head = viewOf(file.reader.bytes(entry.valueOffset, 8, 'CZ_LSMINFO'));
  if (!LSM_MAGIC.has(head.getUint32(0, true))) return null;
  const structureSize = Math.max(0, Math.min(head.getInt32(4, true), 380));
  const info = viewOf(file.reader.bytes(entry.valueOffset, Math.max(structureSize, 90), 'CZ_LSMINFO'));
  const dimension = (axis: string): number => {
    const at = LSM_DIMENSIONS[axis] ?? 0;
    return at + 4 <= structureSize ? info.getInt32(at, true) : 0;
  };
  let order = LSM_SCAN_TYPES[info.getUint16(88, true)];
  if (order === undefined) return null;
  if (page.photometric === 2) order = order.replace('C', '').replace('XY', 'XYC');
  if (dimension('P') > 0) order += 'P';
  if (dimension('M') > 0) order += 'M';
  const axes = [...order].reverse().join('');
  const shape = [...axes].map(dimension);
  const pages = file.pageOffsets.filter((_, i) => i % 2 === 0);
  const series: Series[] = [
    { kind: 'lsm', shape, axes, dtype: page.dtype ?? 'float64', squeeze: true, keyframe: page, pages },
  ];
  if (file.pageCount < 2) throw new TiffReadError('LSM file without its thumbnail page');
  const thumb = file.page(1);
  if ((thumb.subfileType & 1) !== 0) {
    const thumbs = file.pageOffsets.filter((_, i) => i % 2 === 1);
    let cp = 1;
    let i = 0;
    while (cp < thumbs.length && i < shape.length - 2) cp *= shape[i++] ?? 1;
    series.push({
      kind: 'lsm',
      shape: [...shape.slice(0, i), ...thumb.shape],
      axes: axes.slice(0, i) + thumb.axes,
      dtype: thumb.dtype ?? 'float64',
      squeeze: true,
      keyframe: thumb,
      pages: thumbs,
    });
  }
  return series;
}

/** Whether the page was written by ScanImage (tifffile's `is_scanimage`). */
export function isScanImage(page: TiffPage): boolean {
  return (
    page.software.startsWith('SI.') ||
    page.description.startsWith('state.') ||
    page.description.slice(-256).includes('scanimage.SI')
  );
}

/** The non-varying frame data of a ScanImage BigTIFF (v3/v4) as text (`key = value` lines); empty when there is none. */
export function scanImageFrameText(file: TiffFile): string {
  if (!file.format.bigTiff || !file.format.littleEndian || file.reader.size < 32) return '';
  const head = viewOf(file.reader.bytes(16, 16, 'ScanImage header'));
  const version = head.getUint32(4, true);
  if (head.getUint32(0, true) !== 117637889 || (version !== 3 && version !== 4)) return '';
  const size = head.getUint32(8, true);
  return decodeAscii(file.reader.bytes(32, size, 'ScanImage frame data'));
}

/** The non-varying frame data of a ScanImage BigTIFF (v3/v4) as `key -> value text`. */
function scanImageFrameData(file: TiffFile): Map<string, string> {
  const data = new Map<string, string>();
  for (const line of scanImageFrameText(file).split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at > 0) data.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return data;
}

/** Number of elements of a MATLAB value: rows of `[a;b]`, items of `[a b]`, 1 for a scalar. */
function matlabLength(value: string): number {
  if (!value.startsWith('[')) return 1;
  const inner = value.slice(1, -1).trim();
  if (inner === '') return 0;
  return inner.includes(';') ? inner.split(';').length : inner.split(/[\s,]+/).length;
}

/** tifffile's ScanImage series: Z, T, C from the frame data when present, else one stack. */
export function scanImageSeries(file: TiffFile, page: TiffPage): Series {
  const frameData = scanImageFrameData(file);
  const pageCount = file.pageCount;
  const base = {
    kind: 'scanimage' as const,
    dtype: page.dtype ?? 'float64',
    squeeze: true,
    keyframe: page,
    pages: [...file.pageOffsets],
  };
  const channelSave = frameData.get('SI.hChannels.channelSave');
  if (channelSave !== undefined) {
    const channels = matlabLength(channelSave);
    const framesText = frameData.get('SI.hStackManager.framesPerSlice') ?? '';
    let frames = /^[+-]?\d+(\.\d*)?$/.test(framesText) ? Math.trunc(Number(framesText)) : NaN;
    let slices: number | null = null;
    if (Number.isNaN(frames)) {
      slices = 1;
      frames = channels > 0 && pageCount % channels === 0 ? pageCount / channels : NaN;
    }
    if (channels > 0 && frames > 0 && Number.isFinite(frames)) {
      slices ??= Math.max(Math.floor(pageCount / (frames * channels)), 1);
      return { ...base, shape: [slices, frames, channels, ...page.shape], axes: `ZTC${page.axes}` };
    }
  }
  return { ...base, shape: [pageCount, ...page.shape], axes: `I${page.axes}` };
}
