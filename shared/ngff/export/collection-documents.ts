/**
 * The documents of an acqstore collection as acqstore 0.2's exporter lays them out (its contract,
 * `docs/ome-zarr-export-format.md` and `acqstore_ome_zarr_contract.schema.json` in
 * mapmanager/acqstore): the collection manifest, each image's NGFF 0.5 group and Zarr v3 arrays,
 * and each image's native manifest. Pure: the images are described by {@link ExportImage}.
 */
import { BLOSC_LEVEL } from './blosc-frame';
import { compareCodePoints } from '../../sidecar';
import { cleanNumber } from '../../number-text';
import { omeroBlock, type ExportChannel, type SampleRange } from './omero-channels';
import { pyFloat, pythonJson, type PyValue } from './python-json';

/** An NGFF axis of an exported image, in NGFF's order (t, c, z, y, x). */
export interface ExportAxis {
  name: 't' | 'c' | 'z' | 'y' | 'x';
  /** NGFF's unit name (`micrometer`, `second`), or null when the axis has none. */
  unit: string | null;
  /** Size of one level-0 element along the axis, in `unit`. */
  scale: number;
}

/** An analysis a sidecar records, as the native manifest indexes it. */
export interface ExportAnalysis {
  analysisName: string;
  channel: number;
  roiId: number;
  /** Its result table is written (at {@link analysisTablePath}). */
  hasTable?: boolean;
}

/** One image of a collection: where it sits, what its pixels are, and what its sidecar says of it. */
export interface ExportImage {
  /** `acq_image_000`: its folder under `acq_images/`. */
  id: string;
  /** The name acqstore's writer gives the NGFF image (`image_000`). */
  imageName: string;
  /** Its name in the collection: the source's file name, or for one of a file's several images the file's name, its index and its own name (`a.lif #1 xzy`). */
  name: string;
  /** The source's file name. */
  fileName: string;
  /** The source's path in the exported folder, `/`-separated. */
  relativePath: string;
  axes: readonly ExportAxis[];
  /** Level 0's shape, in the axes' order. */
  shape: readonly number[];
  /** numpy's name of the sample type (`uint16`). */
  dtype: string;
  numChannels: number;
  channels: readonly ExportChannel[];
  accepted: boolean;
  date: string;
  time: string;
  numRois: number;
  analyses: readonly ExportAnalysis[];
}

/** The smallest side a reduced level keeps: levels halve Y and X while both stay this large. */
export const MIN_LEVEL_SIDE = 16;
/** The largest chunk along Y and X; other axes are chunked one element at a time. */
export const SPATIAL_CHUNK = 256;
/** The collection's pooled analysis tables, by name. */
export const ANALYSIS_TABLES = {
  velocity: 'acqstore/analysis_tables/velocity.csv',
  sum_intensity: 'acqstore/analysis_tables/sum_intensity.csv',
} as const;

const isSpatialPlane = (axis: ExportAxis): boolean => axis.name === 'y' || axis.name === 'x';

/** The shapes of an image's levels: level 0, then Y and X halved (rounded down) while both halves stay {@link MIN_LEVEL_SIDE} or more. */
export function levelShapes(shape: readonly number[], axes: readonly ExportAxis[]): number[][] {
  const y = axes.findIndex((a) => a.name === 'y');
  const x = axes.findIndex((a) => a.name === 'x');
  const levels = [[...shape]];
  for (;;) {
    const last = levels[levels.length - 1] as number[];
    const half = [...last];
    half[y] = Math.floor((last[y] as number) / 2);
    half[x] = Math.floor((last[x] as number) / 2);
    if ((half[y] as number) < MIN_LEVEL_SIDE || (half[x] as number) < MIN_LEVEL_SIDE) return levels;
    levels.push(half);
  }
}

/** A level's chunk shape: up to {@link SPATIAL_CHUNK} along Y and X, one element along the others. */
export function chunkShapeOf(shape: readonly number[], axes: readonly ExportAxis[]): number[] {
  return shape.map((size, i) => (isSpatialPlane(axes[i] as ExportAxis) ? Math.min(size, SPATIAL_CHUNK) : 1));
}

const isFloat = (dtype: string): boolean => dtype.startsWith('float');

/** The byte size of one sample of `dtype` (`uint16`: 2). */
export function bytesPerSample(dtype: string): number {
  const bits = Number(/(\d+)$/.exec(dtype)?.[1]);
  if (!Number.isInteger(bits) || bits % 8 !== 0) throw new Error(`${dtype} is not a sample type`);
  return bits / 8;
}

/** A Zarr v3 group's `zarr.json`, no attributes. */
export function groupDocument(): string {
  return pythonJson({ attributes: {}, node_type: 'group', zarr_format: 3 });
}

/** A level's `zarr.json`: a Zarr v3 array, little-endian, Blosc (Zstandard, bit shuffle), chunk keys `c/0/1`. */
export function arrayDocument(shape: readonly number[], axes: readonly ExportAxis[], dtype: string): string {
  return pythonJson({
    attributes: {},
    chunk_grid: { configuration: { chunk_shape: chunkShapeOf(shape, axes) }, name: 'regular' },
    chunk_key_encoding: { configuration: { separator: '/' }, name: 'default' },
    codecs: [
      { configuration: { endian: 'little' }, name: 'bytes' },
      {
        configuration: {
          blocksize: 0,
          clevel: BLOSC_LEVEL,
          cname: 'zstd',
          shuffle: 'bitshuffle',
          typesize: bytesPerSample(dtype),
        },
        name: 'blosc',
      },
    ],
    data_type: dtype,
    dimension_names: axes.map((a) => a.name),
    fill_value: isFloat(dtype) ? pyFloat(0) : 0,
    node_type: 'array',
    shape: [...shape],
    storage_transformers: [],
    zarr_format: 3,
  });
}

const AXIS_TYPE = { t: 'time', c: 'channel', z: 'space', y: 'space', x: 'space' } as const;

/**
 * An image's root `zarr.json`: NGFF 0.5 multiscales (each level's scale is level 0's times how
 * much smaller it is, without floating-point noise), the `omero` channels (`ranges`: each
 * channel's samples), acqstore's `acqstore_pixels`, and the writing program as `_creator`.
 */
export function imageDocument(
  image: ExportImage,
  creator: { name: string; version: string },
  ranges: readonly SampleRange[],
): string {
  const levels = levelShapes(image.shape, image.axes);
  // level 0's sizes as the file meant them (a float32's 1.4, not 1.399999976158142), then each level's
  const scales = image.axes.map((a) => cleanNumber(a.scale));
  return pythonJson({
    attributes: {
      acqstore_pixels: {
        axes: image.axes.map((a) => a.name.toUpperCase()),
        dtype: image.dtype,
        shape: [...image.shape],
      },
      ome: {
        _creator: creator,
        multiscales: [
          {
            axes: image.axes.map((a) => ({ name: a.name, type: AXIS_TYPE[a.name], unit: a.unit ?? undefined })),
            datasets: levels.map((shape, level) => ({
              coordinateTransformations: [
                {
                  scale: scales.map((scale, i) =>
                    pyFloat(cleanNumber(scale * ((image.shape[i] as number) / (shape[i] as number)))),
                  ),
                  type: 'scale',
                },
              ],
              path: String(level),
            })),
            name: image.imageName,
          },
        ],
        omero: omeroBlock(image.channels, ranges),
        version: '0.5',
      },
    },
    node_type: 'group',
    zarr_format: 3,
  });
}

/** acqstore's id of an analysis: its name made safe for a file name, its channel and its ROI. */
export function analysisId(analysis: ExportAnalysis): string {
  const safe =
    analysis.analysisName
      .replace(/[^a-zA-Z0-9_.-]+/g, '-')
      .replace(/^-+/, '')
      .replace(/-+$/, '') || 'analysis';
  return `${safe}__c${analysis.channel}__r${analysis.roiId}`;
}

/** Where an analysis's result table is, from its image's folder. */
export const analysisTablePath = (analysis: ExportAnalysis): string =>
  `acqstore/analysis/${analysisId(analysis)}.table.csv`;

/** The analyses in acqstore's order (Python's sort): by name, channel, then ROI. */
function sortedAnalyses(analyses: readonly ExportAnalysis[]): ExportAnalysis[] {
  return [...analyses].sort(
    (a, b) => compareCodePoints(a.analysisName, b.analysisName) || a.channel - b.channel || a.roiId - b.roiId,
  );
}

/** An image's `acqstore/manifest.json`: its group, its sidecar and its analyses, with their result tables where written (no peaks). */
export function nativeManifest(image: ExportImage): string {
  return pythonJson({
    analyses: sortedAnalyses(image.analyses).map((a) => ({
      analysis_name: a.analysisName,
      channel: a.channel,
      id: analysisId(a),
      resources: { peaks: null, table: a.hasTable === true ? analysisTablePath(a) : null },
      roi_id: a.roiId,
    })),
    format: 'acqstore-native-ome-zarr',
    image_group: '.',
    sidecar: 'acqstore/acq_image.json',
    version: 2,
    zarr_format: 3,
  });
}

/** Where an image's documents are, from the collection's root. */
export function memberPaths(id: string): { image: string; sidecar: string; manifest: string } {
  const image = `acq_images/${id}`;
  return { image, sidecar: `${image}/acqstore/acq_image.json`, manifest: `${image}/acqstore/manifest.json` };
}

/** An image's entry in the collection manifest, with the summary a viewer lists it by. */
function collectionEntry(image: ExportImage): PyValue {
  const paths = memberPaths(image.id);
  const dims = image.axes.map((a) => a.name);
  return {
    id: image.id,
    manifest_path: paths.manifest,
    name: image.name,
    ome_zarr_path: paths.image,
    sidecar_path: paths.sidecar,
    source: { filename: image.fileName, relative_path: image.relativePath },
    summary: {
      accepted: image.accepted,
      acquisition: { date: image.date, time: image.time },
      analysis_types: [...new Set(image.analyses.map((a) => a.analysisName))].sort(compareCodePoints),
      dims,
      dtype: image.dtype,
      has_reference_image: false,
      num_channels: image.numChannels,
      num_rois: image.numRois,
      shape: [...image.shape],
      sizes: Object.fromEntries(dims.map((d, i) => [d, image.shape[i] as number])),
    },
  };
}

/** What the collection manifest says of the collection itself. */
export interface CollectionFacts {
  /** The exported folder's name. */
  name: string;
  /** When it was written, to the second, UTC: `2026-11-28T01:30:00Z`. */
  createdUtc: string;
  /** The writer's version in acqstore's `acqstore_version` field. */
  producerVersion: string;
}

/** The collection's `acqstore/acq_image_collection.json`. */
export function collectionManifest(facts: CollectionFacts, images: readonly ExportImage[]): string {
  return pythonJson({
    acq_images: images.map(collectionEntry),
    acqstore_version: facts.producerVersion,
    analysis_tables: { ...ANALYSIS_TABLES },
    created_utc: facts.createdUtc,
    format: 'acqstore-acq-image-collection',
    name: facts.name,
    version: 1,
    zarr_format: 3,
  });
}
