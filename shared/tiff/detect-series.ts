/**
 * Chooses how to group a file's pages into series, in tifffile's order of precedence:
 * shaped, LSM, OME, ImageJ, NIH, ScanImage, uniform, generic. (tifffile also knows NDTiff,
 * FluoView, STK, SIS, SVS, SCN, QPI, NDPI, BIF and MD Gel; those fall back here on the
 * uniform or generic rules.)
 */
import { parseOme, type OmeDocument } from './ome';
import { genericSeries, isUniform, uniformSeries } from './series-generic';
import { imagejDescription, imagejSeries } from './series-imagej';
import { isOme, omeSeries } from './series-ome';
import { shapedDescription, shapedSeries } from './series-shaped';
import type { Series } from './series-types';
import { isLsm, isScanImage, lsmSeries, scanImageSeries } from './series-vendor';
import type { TiffFile } from './tiff-file';

/** The series of a file (never empty) and its OME document, if it has one. */
export interface DetectedSeries {
  series: Series[];
  ome: OmeDocument | null;
}

/** Groups the file's pages into series as tifffile's `TiffFile.series` does. */
export function detectSeries(file: TiffFile): DetectedSeries {
  const first = file.page(0);
  const ome = isOme(first) ? parseOme(first.description) : null;
  const found = firstMatch(file, ome);
  if (found !== null && found.length > 0) return { series: found, ome };
  return { series: genericSeries(file), ome };
}

function firstMatch(file: TiffFile, ome: OmeDocument | null): Series[] | null {
  const first = file.page(0);
  if (shapedDescription(first) !== null) return shapedSeries(file);
  if (isLsm(first)) return lsmSeries(file, first);
  const isImageJ = imagejDescription(first) !== null;
  if (isOme(first)) {
    const series = ome === null ? [] : omeSeries(file, ome);
    if (series.length > 0 || !isImageJ) return series;
  }
  if (isImageJ) {
    const series = imagejSeries(file, first);
    return series === null ? null : [series];
  }
  if (first.entries.some((e) => e.code === 43314)) return [uniformSeries(file, first)];
  if (isScanImage(first)) return [scanImageSeries(file, first)];
  if (isUniform(file, first)) return [uniformSeries(file, first)];
  return null;
}
