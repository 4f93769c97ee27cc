/**
 * What a dataset readme can say from the images and sidecars alone: how many images of which
 * formats, shapes, data types and channels, their pixel sizes (and which are uncalibrated),
 * the acquisition dates and the folders they lie in. Pure; counted from image rows.
 */
import { isCollectionMemberPath, isNativeStoreName } from '../ngff/store-name';
import type { ImageRow } from '../api-types';
import type { HeaderValues } from '../image-header';
import { readsFileHeader } from '../image-format';
import { usableCalibration } from '../sidecar/calibration';
import { recordedNumber } from '../acquisition/acquisition-text';
import { headerAxes } from './header-axes';
import { isUncalibrated, unitText } from './readme-pixel-size';

/** A value and how many images have it, most common first. */
export interface CountedValue {
  value: string;
  images: number;
}

/** A range of dates (`YYYY-MM-DD`) and how many images carry one. */
export interface DateRange {
  first: string;
  last: string;
  images: number;
}

/** One folder of the layout: its images and their file name endings. */
export interface LayoutFolder {
  /** Relative to the dataset folder, `/`-separated; `''` for the dataset folder itself. */
  folder: string;
  images: number;
  endings: string[];
  /** The first image's file name, as an example of the naming. */
  example: string;
}

/** The facts of a dataset readme. */
export interface ReadmeFacts {
  images: number;
  sidecars: { ok: number; missing: number; invalid: number };
  formats: CountedValue[];
  /** Axes and sizes, e.g. `ZYX 10 × 256 × 256`. */
  shapes: CountedValue[];
  dtypes: CountedValue[];
  channels: CountedValue[];
  /** Pixel sizes of the calibrated images, e.g. `0.31 × 0.31 µm`. */
  pixelSizes: CountedValue[];
  /** Images whose sidecar (or defaults) gives no physical unit (`Pixels`). */
  uncalibrated: string[];
  /** Images whose header could not be read. */
  unreadable: string[];
  /** What the image files record: the acquisition's date, else the header's. */
  acquired: DateRange | null;
  /** From the sidecars' Date field. */
  experimentDates: DateRange | null;
  layout: LayoutFolder[];
  /** CloudScope's own OME-Zarr stores among the images that have a sidecar, which they keep inside. */
  insideSidecars: number;
  /** The images of acqstore collections among those that have a sidecar, which they keep inside too. */
  collectionSidecars: number;
}

/** File formats by name ending, most specific first. */
const FORMATS: readonly [RegExp, string][] = [
  [/\.ome\.tiff?$/i, 'OME-TIFF'],
  [/\.tiff?$/i, 'TIFF'],
  [/\.oir$/i, 'Olympus OIR'],
  [/\.czi$/i, 'Zeiss CZI'],
  [/\.nd2$/i, 'Nikon ND2'],
  [/\.zarr$/i, 'OME-Zarr'],
];

/** `.ome.tif`, `.tif`, `.oir`: the ending that names a file's format. */
export function fileEnding(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /\.ome\.tiff?$/.exec(name)?.[0] ?? /\.[^.]+$/.exec(name)?.[0] ?? '';
}

function formatOf(path: string): string {
  if (isCollectionMemberPath(path)) return 'OME-Zarr (acqstore collection)';
  return (
    FORMATS.find(([pattern]) => pattern.test(path))?.[1] ?? (fileEnding(path).slice(1).toUpperCase() || 'no extension')
  );
}

/** Counts values, most common first, ties in the order `compare` gives (text order by default). */
function counted(
  values: Iterable<string>,
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): CountedValue[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, images]) => ({ value, images }))
    .sort((a, b) => b.images - a.images || compare(a.value, b.value));
}

/** `('Z', 'Y', 'X')` + `(10, 256, 256)` → `ZYX 10 × 256 × 256`. */
function shapeOf(header: HeaderValues): string {
  const { axes, sizes } = headerAxes(header);
  return `${axes} ${sizes.join(' × ')}`.trim();
}

/**
 * A row's pixel size as text, or null when it has none (no unit along X or Y): its sidecar's,
 * or for an image without one the size its file declares (which a new sidecar takes).
 */
function pixelSizeOf(row: ImageRow): string | null {
  const declared = row.sidecar === 'missing' ? usableCalibration(row.fileCalibration) : null;
  const {
    physical_unit_x: x,
    physical_unit_y: y,
    physical_label_x: lx,
    physical_label_y: ly,
  } = declared === null
    ? row.values
    : {
        physical_unit_x: declared.x,
        physical_unit_y: declared.y,
        physical_label_x: declared.label,
        physical_label_y: declared.label,
      };
  if (isUncalibrated(lx) || isUncalibrated(ly) || typeof x !== 'number' || typeof y !== 'number') return null;
  const [unitX, unitY] = [unitText(lx as string), unitText(ly as string)];
  return unitX === unitY
    ? `${recordedNumber(x)} × ${recordedNumber(y)} ${unitX}`
    : `X ${recordedNumber(x)} ${unitX}, Y ${recordedNumber(y)} ${unitY}`;
}

/** `20240502` or `2024-05-02` (a header's or a field's date) as `2024-05-02`; null when it is not a date. */
function isoDate(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text.trim());
  return match === null ? null : `${match[1]}-${match[2]}-${match[3]}`;
}

function dateRange(dates: readonly (string | null)[]): DateRange | null {
  const known = dates.filter((d): d is string => d !== null).sort();
  return known.length === 0 ? null : { first: known[0] as string, last: known.at(-1) as string, images: known.length };
}

function layoutOf(rows: readonly ImageRow[]): LayoutFolder[] {
  const folders = new Map<string, LayoutFolder>();
  for (const row of rows) {
    const cut = row.path.lastIndexOf('/');
    const folder = cut < 0 ? '' : row.path.slice(0, cut);
    const entry = folders.get(folder) ?? { folder, images: 0, endings: [], example: row.path.slice(cut + 1) };
    entry.images++;
    // a collection's image is a folder named by the collection, not by a file ending
    const ending = isCollectionMemberPath(row.path) ? 'acqstore collection image' : fileEnding(row.path);
    if (!entry.endings.includes(ending)) entry.endings.push(ending);
    folders.set(folder, entry);
  }
  return [...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The facts of the images of `rows` (stored values: what is on disk). */
export function readmeFacts(rows: readonly ImageRow[]): ReadmeFacts {
  const withHeader = rows.filter((r) => r.header !== null);
  const byNumber = (a: string, b: string) => Number(a) - Number(b);
  return {
    images: rows.length,
    sidecars: {
      ok: rows.filter((r) => r.sidecar === 'ok').length,
      missing: rows.filter((r) => r.sidecar === 'missing').length,
      invalid: rows.filter((r) => r.sidecar === 'invalid').length,
    },
    formats: counted(rows.map((r) => formatOf(r.path))),
    shapes: counted(withHeader.map((r) => shapeOf(r.header as HeaderValues))),
    dtypes: counted(withHeader.map((r) => (r.header as HeaderValues).dtype).filter((d) => d !== '')),
    channels: counted(
      withHeader.map((r) => String((r.header as HeaderValues).num_channels)),
      byNumber,
    ),
    pixelSizes: counted(rows.flatMap((r) => (r.sidecar === 'invalid' ? [] : (pixelSizeOf(r) ?? [])))),
    uncalibrated: rows.filter((r) => r.sidecar !== 'invalid' && pixelSizeOf(r) === null).map((r) => r.path),
    unreadable: rows.filter((r) => readsFileHeader(r.format) && r.header === null).map((r) => r.path),
    acquired: dateRange(rows.map((r) => isoDate(r.acquisition?.acquired_at) ?? isoDate(r.header?.date))),
    experimentDates: dateRange(rows.filter((r) => r.sidecar === 'ok').map((r) => isoDate(r.values.date))),
    layout: layoutOf(rows),
    insideSidecars: rows.filter((r) => isNativeStoreName(r.path) && r.sidecar !== 'missing').length,
    collectionSidecars: rows.filter((r) => isCollectionMemberPath(r.path) && r.sidecar !== 'missing').length,
  };
}
