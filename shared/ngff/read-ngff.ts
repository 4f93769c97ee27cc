/**
 * Reads an OME-Zarr image's header from a store: the multiscales metadata of NGFF 0.4 on Zarr v2
 * (`.zattrs`, each level's `.zarray`) or NGFF 0.5 on Zarr v3 (`zarr.json`), an image in a
 * bioformats2raw layout (group `0`), and the `omero` channels. Only metadata documents are read,
 * each within bounds; anything malformed or hostile is an {@link NgffReadError} naming the key.
 */
import { isObject, isPlainKey, keyIn, quoted, readDocument } from './store-keys';
import {
  NgffReadError,
  type NgffAxis,
  type NgffChannel,
  type NgffImage,
  type NgffLevel,
  type ZarrStore,
} from './types';
import { v2ArrayFacts, v3ArrayFacts } from './zarr-array';

/** NGFF allows 2 to 5 axes. */
const MIN_AXES = 2;
const MAX_AXES = 5;
/** Most resolution levels read. */
const MAX_LEVELS = 32;
/** Most `omero` channels listed. */
const MAX_CHANNELS = 10_000;
/** Most characters of a name, label or unit kept. */
const MAX_TEXT = 256;
/** The axes of NGFF 0.1 and 0.2, which name none: always five. */
const OLD_AXES = ['t', 'c', 'z', 'y', 'x'];

/** The group attributes that hold the image, and where they were read. */
interface Group {
  attrs: Record<string, unknown>;
  zarrFormat: 2 | 3;
  /** The group's path in the store (`''` at its root). */
  path: string;
  /** The key of the document the attributes came from. */
  key: string;
}

/** A text as the model keeps it (shortened); null when it is not a non-empty string. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_TEXT) : null;
}

/** The group at `path`: Zarr v3's `zarr.json` first, then Zarr v2's `.zattrs`; null when neither is there. */
async function readGroup(store: ZarrStore, path: string): Promise<Group | null> {
  const v3Key = keyIn(path, 'zarr.json');
  const v3 = await readDocument(store, v3Key);
  if (v3 !== null) {
    if (v3.zarr_format !== 3 || v3.node_type !== 'group') throw new NgffReadError(`${v3Key} is not a Zarr v3 group`);
    const attrs = isObject(v3.attributes) ? v3.attributes : {};
    // NGFF 0.5 keeps its metadata under `ome`
    return { attrs: isObject(attrs.ome) ? attrs.ome : attrs, zarrFormat: 3, path, key: v3Key };
  }
  const v2Key = keyIn(path, '.zattrs');
  const v2 = await readDocument(store, v2Key);
  if (v2 !== null) return { attrs: v2, zarrFormat: 2, path, key: v2Key };
  if ((await store.get(keyIn(path, '.zgroup'), 1024)) !== null)
    throw new NgffReadError(`${keyIn(path, '.zgroup')}: a Zarr group without attributes holds no NGFF image`);
  return null;
}

/** The axes a multiscales entry names (0.4 and 0.5: objects; 0.3: names; 0.1 and 0.2: none, five). */
function axesOf(multiscale: Record<string, unknown>, version: string, key: string): NgffAxis[] {
  const given = multiscale.axes;
  if (given === undefined && (version === '0.1' || version === '0.2'))
    return OLD_AXES.map((name) => ({ name, type: null, unit: null }));
  if (!Array.isArray(given)) throw new NgffReadError(`${key}: the multiscales name no axes`);
  if (given.length < MIN_AXES || given.length > MAX_AXES)
    throw new NgffReadError(`${key}: ${given.length} axes, where NGFF allows ${MIN_AXES} to ${MAX_AXES}`);
  const axes = given.map((axis): NgffAxis => {
    if (typeof axis === 'string') return { name: axis.slice(0, MAX_TEXT), type: null, unit: null };
    if (!isObject(axis) || text(axis.name) === null) throw new NgffReadError(`${key}: an axis has no name`);
    return { name: text(axis.name) as string, type: text(axis.type), unit: text(axis.unit) };
  });
  if (new Set(axes.map((a) => a.name)).size !== axes.length)
    throw new NgffReadError(`${key}: two axes have the same name`);
  return axes;
}

/** Scale and translation of a list of coordinate transformations (absent ones: 1 and null). */
function transformOf(value: unknown, rank: number, key: string): { scale: number[]; translation: number[] | null } {
  let scale = new Array<number>(rank).fill(1);
  let translation: number[] | null = null;
  if (value === undefined) return { scale, translation };
  if (!Array.isArray(value)) throw new NgffReadError(`${key}: coordinateTransformations is not a list`);
  const vector = (numbers: unknown, what: string): number[] => {
    if (!Array.isArray(numbers) || numbers.length !== rank || !numbers.every((n) => Number.isFinite(n)))
      throw new NgffReadError(`${key}: a ${what} is not ${rank} numbers, one per axis`);
    return numbers as number[];
  };
  for (const transform of value.slice(0, 8)) {
    if (!isObject(transform)) throw new NgffReadError(`${key}: a coordinate transformation is not an object`);
    if (transform.type === 'scale') {
      if (transform.path !== undefined) throw new NgffReadError(`${key}: a scale kept in a file is not read`);
      scale = vector(transform.scale, 'scale');
    } else if (transform.type === 'translation') {
      if (transform.path !== undefined) throw new NgffReadError(`${key}: a translation kept in a file is not read`);
      translation = vector(transform.translation, 'translation');
    } else if (transform.type !== 'identity')
      throw new NgffReadError(`${key}: the transformation ${quoted(transform.type)} is not one NGFF images use`);
  }
  return { scale, translation };
}

/** A dataset's transformation followed by the multiscales' own: scales multiply, translations are scaled then added. */
function compose(
  inner: { scale: number[]; translation: number[] | null },
  outer: { scale: number[]; translation: number[] | null },
): { scale: number[]; translation: number[] | null } {
  const scale = inner.scale.map((s, i) => s * (outer.scale[i] as number));
  if (inner.translation === null && outer.translation === null) return { scale, translation: null };
  const translation = inner.scale.map(
    (_, i) => (inner.translation?.[i] ?? 0) * (outer.scale[i] as number) + (outer.translation?.[i] ?? 0),
  );
  return { scale, translation };
}

/** The `omero` block's channels (label and colour); empty without one. */
function channelsOf(omero: unknown): NgffChannel[] {
  if (!isObject(omero) || !Array.isArray(omero.channels)) return [];
  return omero.channels.slice(0, MAX_CHANNELS).map((channel) => ({
    label: isObject(channel) ? text(channel.label) : null,
    color: isObject(channel) ? text(channel.color) : null,
  }));
}

/** Reads each level's array metadata and applies the transformations. */
async function levelsOf(
  store: ZarrStore,
  group: Group,
  multiscale: Record<string, unknown>,
  rank: number,
): Promise<NgffLevel[]> {
  const datasets = multiscale.datasets;
  if (!Array.isArray(datasets) || datasets.length === 0)
    throw new NgffReadError(`${group.key}: the multiscales list no datasets`);
  if (datasets.length > MAX_LEVELS)
    throw new NgffReadError(`${group.key}: ${datasets.length} levels, more than the ${MAX_LEVELS} read`);
  const outer = transformOf(multiscale.coordinateTransformations, rank, group.key);
  const levels: NgffLevel[] = [];
  for (const dataset of datasets) {
    const path = isObject(dataset) ? dataset.path : undefined;
    if (typeof path !== 'string' || !isPlainKey(path))
      throw new NgffReadError(`${group.key}: the dataset path ${quoted(path)} is not a plain path inside the store`);
    const arrayPath = keyIn(group.path, path);
    const key = keyIn(arrayPath, group.zarrFormat === 3 ? 'zarr.json' : '.zarray');
    const doc = await readDocument(store, key);
    if (doc === null) throw new NgffReadError(`${key} is missing`);
    const facts = group.zarrFormat === 3 ? v3ArrayFacts(doc, rank, key) : v2ArrayFacts(doc, rank, key);
    const own = transformOf((dataset as Record<string, unknown>).coordinateTransformations, rank, group.key);
    levels.push({ path: arrayPath, ...facts, ...compose(own, outer) });
  }
  return levels;
}

/** The image a group's attributes describe, or why they describe none AcqMeta reads. */
async function imageOf(store: ZarrStore, group: Group): Promise<NgffImage> {
  const { attrs, key } = group;
  const multiscales = attrs.multiscales;
  if (!Array.isArray(multiscales) || multiscales.length === 0) {
    if (attrs.plate !== undefined) throw new NgffReadError(`${key}: an HCS plate; AcqMeta reads single images`);
    if (attrs.well !== undefined) throw new NgffReadError(`${key}: a plate's well; AcqMeta reads single images`);
    throw new NgffReadError(`${key} describes no multiscale image`);
  }
  const multiscale = multiscales[0];
  if (!isObject(multiscale)) throw new NgffReadError(`${key}: the multiscales entry is not an object`);
  const version = text(attrs.version) ?? text(multiscale.version);
  if (version === null) throw new NgffReadError(`${key}: no NGFF version`);
  const axes = axesOf(multiscale, version, key);
  return {
    version,
    zarrFormat: group.zarrFormat,
    name: text(multiscale.name),
    axes,
    levels: await levelsOf(store, group, multiscale, axes.length),
    channels: channelsOf(attrs.omero),
    imagePath: group.path,
  };
}

/** Reads the header of the NGFF image a store holds (at its root, or in group `0` of a bioformats2raw layout). */
export async function readNgffImage(store: ZarrStore): Promise<NgffImage> {
  const root = await readGroup(store, '');
  if (root === null) throw new NgffReadError('no zarr.json or .zattrs: this folder is not a Zarr store');
  if (root.attrs.multiscales === undefined && root.attrs['bioformats2raw.layout'] !== undefined) {
    const series = await readGroup(store, '0');
    if (series === null) throw new NgffReadError(`${root.key}: a bioformats2raw layout without its image 0`);
    return imageOf(store, series);
  }
  return imageOf(store, root);
}
