/**
 * What a collection says of one image, from its pixels, what its file records and its sidecar:
 * the NGFF axes and their scales (Y and X from the sidecar's calibration, Z and T from the file),
 * and the summary values acqstore's manifest lists (accepted, date and time, ROIs, analyses).
 */
import type { Acquisition } from '../../acquisition/acquisition-types';
import type { ArchivalPixels } from '../../ome-tiff';
import { analysisId, type ExportAnalysis, type ExportAxis, type ExportImage } from './collection-documents';
import { exportChannels } from './omero-channels';

/** NGFF's names of the length units a sidecar's calibration labels write. */
const LENGTH_UNITS: Readonly<Record<string, string>> = {
  um: 'micrometer',
  µm: 'micrometer',
  μm: 'micrometer',
  micron: 'micrometer',
  microns: 'micrometer',
  micrometer: 'micrometer',
  micrometre: 'micrometer',
  nm: 'nanometer',
  nanometer: 'nanometer',
  mm: 'millimeter',
  millimeter: 'millimeter',
};

/** The sample types an exported image keeps (Zarr v3's names, numpy's). */
const DTYPES = new Set(['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64']);

/** An image the collection cannot hold, and why. */
export class ExportRefusal extends Error {}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A Y or X axis from the sidecar's calibration: a length unit NGFF names keeps its unit and
 * size; a line scan's time along Y (seconds), pixels, or a unit NGFF has no name for gets no
 * unit and a scale of 1, as acqstore writes them (the sidecar keeps the calibration as it is).
 */
function planeAxis(name: 'y' | 'x', header: Plain): ExportAxis {
  const size = header[`physical_unit_${name}`];
  const label = header[`physical_label_${name}`];
  const unit = typeof label === 'string' ? (LENGTH_UNITS[label.trim().toLowerCase()] ?? null) : null;
  if (unit !== null && typeof size === 'number' && Number.isFinite(size) && size > 0)
    return { name, unit, scale: size };
  return { name, unit: null, scale: 1 };
}

/** The channels of the pixels: the file's channels, or a colour image's samples as channels. */
function channelsOf(pixels: ArchivalPixels): number {
  if (pixels.samples === 1) return pixels.sizeC;
  if (pixels.sizeC === 1) return pixels.samples;
  throw new ExportRefusal(`its ${pixels.sizeC} channels each hold ${pixels.samples} colour samples`);
}

/** The axes of the pixels in NGFF's order, an axis of one element left out (as CloudScope's header does). */
function axesOf(pixels: ArchivalPixels, header: Plain, acquisition: Acquisition): ExportAxis[] {
  const axes: ExportAxis[] = [];
  const step = acquisition.time_increment_s;
  if (pixels.sizeT > 1)
    axes.push(
      step !== undefined && step > 0 ? { name: 't', unit: 'second', scale: step } : { name: 't', unit: null, scale: 1 },
    );
  if (channelsOf(pixels) > 1) axes.push({ name: 'c', unit: null, scale: 1 });
  const z = acquisition.pixel_size_um?.z;
  if (pixels.sizeZ > 1)
    axes.push(
      z !== undefined && z !== null && z > 0
        ? { name: 'z', unit: 'micrometer', scale: z }
        : { name: 'z', unit: null, scale: 1 },
    );
  axes.push(planeAxis('y', header), planeAxis('x', header));
  return axes;
}

/** The size of each axis of `axes` for `pixels`. */
export function shapeOf(pixels: ArchivalPixels, axes: readonly ExportAxis[]): number[] {
  const sizes = { t: pixels.sizeT, c: channelsOf(pixels), z: pixels.sizeZ, y: pixels.height, x: pixels.width };
  return axes.map((a) => sizes[a.name]);
}

/** The sidecar's analyses, each as a name, a channel and a ROI; refuses ones acqstore cannot index, or two it would index alike. */
function analysesOf(sidecar: Plain): ExportAnalysis[] {
  const list = Array.isArray(sidecar.analysis) ? sidecar.analysis : [];
  const analyses = list.map((entry: unknown, i): ExportAnalysis => {
    const a = isPlain(entry) ? entry : {};
    const { analysis_name: analysisName, channel, roi_id: roiId } = a;
    if (
      typeof analysisName !== 'string' ||
      analysisName === '' ||
      !Number.isSafeInteger(channel) ||
      (channel as number) < 0 ||
      !Number.isSafeInteger(roiId) ||
      (roiId as number) < 1
    )
      throw new ExportRefusal(`its sidecar's analysis ${i + 1} has no name, channel and ROI acqstore can index`);
    return { analysisName, channel: channel as number, roiId: roiId as number };
  });
  const ids = new Set<string>();
  for (const analysis of analyses) {
    const id = analysisId(analysis);
    if (ids.has(id))
      throw new ExportRefusal(
        `its sidecar has two analyses acqstore would both call ${id} (names alike, same channel and ROI)`,
      );
    ids.add(id);
  }
  return analyses;
}

/** What the collection says of an image: where it goes (`index`), its source, axes, shape, channels and summary. */
export function exportImageOf(
  index: number,
  source: { name: string; fileName: string; relativePath: string },
  pixels: ArchivalPixels,
  acquisition: Acquisition,
  sidecar: unknown,
): ExportImage {
  if (!DTYPES.has(pixels.dtype)) throw new ExportRefusal(`its ${pixels.dtype} samples have no Zarr type here`);
  if (!isPlain(sidecar)) throw new ExportRefusal('its sidecar is not a JSON object');
  const header = isPlain(sidecar.image_header_metadata) ? sidecar.image_header_metadata : {};
  const axes = axesOf(pixels, header, acquisition);
  const shape = shapeOf(pixels, axes);
  // a reduced level's scale is level 0's times at most the axis's size: it must stay a number
  axes.forEach((axis, i) => {
    if (!Number.isFinite(axis.scale * (shape[i] as number)))
      throw new ExportRefusal(`its pixel size along ${axis.name.toUpperCase()} (${axis.scale}) is too large to write`);
  });
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const serial = String(index).padStart(3, '0');
  return {
    id: `acq_image_${serial}`,
    imageName: `image_${serial}`,
    name: source.name,
    fileName: source.fileName,
    relativePath: source.relativePath,
    axes,
    shape,
    dtype: pixels.dtype,
    numChannels: channelsOf(pixels),
    channels: exportChannels(
      channelsOf(pixels),
      pixels.samples > 1,
      acquisition.channels ?? [],
      sidecar.image_contrast,
    ),
    accepted: sidecar.accepted !== false,
    date: text(header.date),
    time: text(header.time),
    numRois: Array.isArray(sidecar.rois) ? sidecar.rois.length : 0,
    analyses: analysesOf(sidecar),
  };
}
