/**
 * Where a page's pixel data are (strip or tile offsets and byte counts) and whether they are
 * stored contiguously and uncompressed (tifffile's `is_contiguous` and `is_final`).
 */
import { TiffReadError, type BoundedReader } from './bounded-reader';
import type { IfdEntry, TiffFormat } from './ifd';
import { itemSize, tagNumbers, type TiffPage } from './page';

/** Bytes of the decoded page (tifffile's `nbytes`). */
export function pageBytes(page: TiffPage): number {
  return page.shape.reduce((a, b) => a * b, 1) * itemSize(page.dtype);
}

/** Strip or tile offsets and byte counts of a page. */
export interface DataLayout {
  offsets: number[];
  byteCounts: number[];
}

/** Reads the page's strip or tile offsets and byte counts (bounded by the file size). */
export function readDataLayout(reader: BoundedReader, format: TiffFormat, page: TiffPage): DataLayout {
  const find = (code: number): IfdEntry | undefined => page.entries.find((e) => e.code === code);
  const offsetsEntry = find(324) ?? find(273) ?? find(513);
  const countsEntry = find(325) ?? find(279) ?? find(514);
  if (offsetsEntry === undefined) throw new TiffReadError(`page at ${page.offset} has no strip or tile offsets`);
  const offsets = tagNumbers(reader, format, offsetsEntry);
  const byteCounts = countsEntry === undefined ? [pageBytes(page)] : tagNumbers(reader, format, countsEntry);
  return { offsets, byteCounts };
}

/** Whether the page's data are one uncompressed run of bytes (tifffile's `is_contiguous`). */
export function isContiguous(page: TiffPage, layout: DataLayout): boolean {
  const bits = page.bitsPerSample;
  if (
    page.sampleFormat === 5 ||
    page.compression !== 1 ||
    typeof bits !== 'number' ||
    ![8, 16, 32, 64].includes(bits)
  ) {
    return false;
  }
  if (page.entries.some((e) => e.code === 322)) {
    const { imageWidth, imageLength, tileWidth, tileLength } = page;
    if (imageWidth !== tileWidth || tileLength === 0 || imageLength % tileLength || tileWidth % 16 || tileLength % 16) {
      return false;
    }
  }
  const { offsets, byteCounts } = layout;
  if (offsets.length === 0) return false;
  if (offsets.length === 1) return true;
  if (byteCounts.reduce((a, b) => a + b, 0) !== pageBytes(page)) return false;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const count = byteCounts[i] ?? 0;
    if (count === 0 || (offsets[i] ?? 0) + count !== offsets[i + 1]) return false;
  }
  return true;
}

/** Whether the page's bytes are the decoded image up to byte order (tifffile's `is_final`). */
export function isFinal(page: TiffPage, layout: DataLayout): boolean {
  const subsampled = page.subsampling !== null ? page.subsampling.join(',') !== '1,1' : page.photometric === 6;
  return isContiguous(page, layout) && page.fillOrder === 1 && page.predictor === 1 && !subsampled;
}
