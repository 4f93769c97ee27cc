/**
 * Reads what the editor shows about a TIFF from its header alone (no pixel data):
 * CloudScope's header values, the declared calibration, the acquisition metadata, all tags of
 * the first page.
 */
import { declaredCalibration, declaredDateTime, descriptionKind } from './declared';
import { detectSeries } from './detect-series';
import { planeCounts, planeLayout, seriesHeader, type PlaneLayout } from './header-values';
import { TiffReadError } from './bounded-reader';
import { TYPE_SIZES } from './ifd';
import type { TiffPage } from './page';
import type { Series } from './series-types';
import { formatTags } from './tag-format';
import { compressionName, tagLabel } from './tag-names';
import { withListingAcquisition } from '../acquisition/listing-acquisition';
import { tiffAcquisition } from './tiff-acquisition';
import { TiffFile } from './tiff-file';
import type { OmeDocument } from './ome';
import type { ByteSource, ReadTiffOptions, TiffInfo, TiffSummary } from './types';

/** An open TIFF with its series, for callers that go on to decode pixels. */
export interface OpenedTiff {
  file: TiffFile;
  /** tifffile's series[0]: the one CloudScope and the preview use. */
  series: Series;
  layout: PlaneLayout;
  info: TiffInfo;
}

/** Strip and tile offsets and byte counts. */
const DATA_TAGS = [273, 279, 324, 325];

/** Fails if the data offset/count tags of a page reach past the end of the file. */
function checkDataTags(file: TiffFile, page: TiffPage): void {
  for (const entry of page.entries) {
    if (!DATA_TAGS.includes(entry.code)) continue;
    const size = entry.count * (TYPE_SIZES[entry.type] ?? 1);
    file.reader.check(entry.valueOffset, size, () => tagLabel(entry.code));
  }
}

/** The file, its first page and its series: what both the summary and the full header start from. */
function openStructure(
  source: ByteSource,
  options: ReadTiffOptions,
): { file: TiffFile; first: TiffPage; series: Series[]; ome: OmeDocument | null } {
  const file = TiffFile.open(source, options);
  const first = file.page(0);
  checkDataTags(file, first);
  const { series, ome } = detectSeries(file);
  if (series[0] === undefined) throw new TiffReadError('the file holds no image (its IFDs are empty)');
  return { file, first, series, ome };
}

function summaryOf(
  file: TiffFile,
  first: TiffPage,
  series: Series[],
  ome: OmeDocument | null,
  options: ReadTiffOptions,
): TiffSummary {
  const levels = series[0]?.levels ?? 1;
  const acquisition = options.acquisition === false ? undefined : tiffAcquisition(file, first, ome, levels);
  return {
    header: { ...seriesHeader(series), ...declaredDateTime(file, first, ome) },
    fileCalibration: declaredCalibration(file, first, ome),
    ...(acquisition === undefined ? {} : { acquisition }),
  };
}

/** Opens a TIFF and reads everything {@link readTiffHeader} reports, keeping the parsed structure. */
export function openTiff(source: ByteSource, options: ReadTiffOptions = {}): OpenedTiff {
  const { file, first, series, ome } = openStructure(source, options);
  const series0 = series[0] as Series;
  const layout = planeLayout(series0);
  const info: TiffInfo = {
    ...summaryOf(file, first, series, ome, options),
    pageCount: file.pageCount,
    compression: compressionName(first.compression),
    tiled: first.entries.some((e) => e.code === 322),
    byteOrder: file.format.littleEndian ? 'little' : 'big',
    bigTiff: file.format.bigTiff,
    tags: formatTags(file, first),
    description: { kind: descriptionKind(first), text: first.description },
    planes: planeCounts(layout),
  };
  return { file, series: series0, layout, info };
}

/**
 * Reads the header of a TIFF: shape/dims/sizes/dtype/num_channels/num_scenes exactly as
 * CloudScope derives them from tifffile's series[0], date and time, the declared pixel size,
 * page count, compression, tiling, byte order, all first-page tags and the description.
 * Rejects with a {@link TiffReadError} (or another Error) naming the problem.
 */
export async function readTiffHeader(source: ByteSource, options: ReadTiffOptions = {}): Promise<TiffInfo> {
  return openTiff(source, options).info;
}

/**
 * Reads only what a folder listing shows (the header values, the declared pixel size and the
 * acquisition without its origins: see listing-acquisition), with the same checks as
 * {@link readTiffHeader} but without formatting tags or the description.
 */
export async function readTiffSummary(source: ByteSource, options: ReadTiffOptions = {}): Promise<TiffSummary> {
  const { file, first, series, ome } = openStructure(source, options);
  return withListingAcquisition(summaryOf(file, first, series, ome, options));
}
