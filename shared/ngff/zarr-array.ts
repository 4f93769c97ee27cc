/**
 * What a resolution level's array metadata says: Zarr v2's `.zarray` or Zarr v3's `zarr.json`
 * (shape, chunk shape, sample type, codecs), checked against the image's axes.
 */
import { isObject, quoted } from './store-keys';
import { NgffReadError } from './types';

/** One level's array facts, before the multiscales' transformations are applied. */
export interface ZarrArrayFacts {
  shape: number[];
  chunks: number[];
  dtype: string;
  codecs: string[];
}

/** Zarr v3's data types AcqMeta knows (numpy names, as the model keeps them). */
const V3_TYPES = new Set([
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float16',
  'float32',
  'float64',
]);

/** numpy's kind letters of Zarr v2 dtypes (`<u2`, `|b1`, `>f4`). */
const V2_KINDS: Readonly<Record<string, string>> = { b: 'bool', i: 'int', u: 'uint', f: 'float' };

/** Most characters of a codec's name kept in the model. */
const MAX_NAME = 64;

/** Sizes along `rank` axes: non-negative safe integers (chunks: at least 1). */
function sizes(value: unknown, rank: number, key: string, what: string, least: number): number[] {
  if (!Array.isArray(value)) throw new NgffReadError(`${key}: ${what} is not a list`);
  if (value.length !== rank)
    throw new NgffReadError(`${key}: ${what} has ${value.length} entries, the image has ${rank} axes`);
  for (const n of value)
    if (!Number.isSafeInteger(n) || (n as number) < least)
      throw new NgffReadError(`${key}: ${what} holds ${quoted(n)}, not a whole number of at least ${least}`);
  return value as number[];
}

/** A codec's name, as written (shortened); `?` when it has none. */
function codecName(codec: unknown): string {
  const name = isObject(codec) ? (codec.name ?? codec.id) : undefined;
  return typeof name === 'string' ? name.slice(0, MAX_NAME) : '?';
}

/** numpy's name of a Zarr v2 dtype (`<u2` → `uint16`). */
function v2Type(dtype: unknown, key: string): string {
  const match = typeof dtype === 'string' ? /^[<>|=]([biuf])(\d{1,2})$/.exec(dtype) : null;
  const kind = match === null ? undefined : V2_KINDS[match[1] as string];
  const bytes = Number(match?.[2]);
  if (
    kind === undefined ||
    (kind === 'bool' ? bytes !== 1 : ![1, 2, 4, 8].includes(bytes)) ||
    (kind === 'float' && bytes === 1)
  )
    throw new NgffReadError(`${key}: the sample type ${quoted(dtype)} is not one AcqMeta knows`);
  return kind === 'bool' ? 'bool' : `${kind}${bytes * 8}`;
}

/** The facts of a Zarr v2 array from its `.zarray`, for an image of `rank` axes. */
export function v2ArrayFacts(doc: Record<string, unknown>, rank: number, key: string): ZarrArrayFacts {
  if (doc.zarr_format !== 2) throw new NgffReadError(`${key}: zarr_format is not 2`);
  const shape = sizes(doc.shape, rank, key, 'shape', 0);
  const chunks = sizes(doc.chunks, rank, key, 'chunks', 1);
  const filters = Array.isArray(doc.filters) ? doc.filters.slice(0, 16).map(codecName) : [];
  const compressor = doc.compressor === null || doc.compressor === undefined ? [] : [codecName(doc.compressor)];
  return { shape, chunks, dtype: v2Type(doc.dtype, key), codecs: [...filters, ...compressor] };
}

/** The facts of a Zarr v3 array from its `zarr.json`, for an image of `rank` axes (a sharded array's inner chunks). */
export function v3ArrayFacts(doc: Record<string, unknown>, rank: number, key: string): ZarrArrayFacts {
  if (doc.zarr_format !== 3 || doc.node_type !== 'array') throw new NgffReadError(`${key} is not a Zarr v3 array`);
  const shape = sizes(doc.shape, rank, key, 'shape', 0);
  if (typeof doc.data_type !== 'string' || !V3_TYPES.has(doc.data_type))
    throw new NgffReadError(`${key}: the data type ${quoted(doc.data_type)} is not one AcqMeta knows`);
  const grid = doc.chunk_grid;
  if (!isObject(grid) || grid.name !== 'regular' || !isObject(grid.configuration))
    throw new NgffReadError(`${key}: the chunk grid is not a regular one`);
  let chunks = sizes(grid.configuration.chunk_shape, rank, key, 'chunk_shape', 1);
  const codecs = Array.isArray(doc.codecs) ? doc.codecs.slice(0, 16) : [];
  const names = codecs.map(codecName);
  const shard = codecs.find((codec) => codecName(codec) === 'sharding_indexed');
  if (isObject(shard) && isObject(shard.configuration)) {
    chunks = sizes(shard.configuration.chunk_shape, rank, key, 'the shard’s chunk_shape', 1);
    const inner = Array.isArray(shard.configuration.codecs) ? shard.configuration.codecs.slice(0, 16) : [];
    names.push(...inner.map(codecName));
  }
  return { shape, chunks, dtype: doc.data_type, codecs: names };
}
