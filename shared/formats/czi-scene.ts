/**
 * The scenes of a CZI file as czifile (and so CloudScope) sees them: subblocks of pyramid
 * level 0, grouped by scene index; a scene's shape spans its subblocks' start and size per
 * dimension, dimensions of length 1 are squeezed, `S` holds the colour samples.
 */
import { cziCompression, pixelType, type CziEntry } from './czi-directory';
import { MAX_STORED_PLANES, type PlaneStore, type PlaneTile, type StoredPlane } from './types';

/** One scene: its key (S index, 0 when the file has none) and level-0 subblocks. */
export interface CziScene {
  key: number;
  entries: CziEntry[];
}

/** Non-spatial position of an entry in the reference dims, for telling thumbnails from data. */
function positionKey(entry: CziEntry, refDims: string[]): string {
  const byDim = new Map(entry.dims.map((d, i) => [d, entry.start[i] as number]));
  return refDims
    .filter((d) => d !== 'X' && d !== 'Y' && d !== 'S')
    .map((d) => byDim.get(d) ?? 0)
    .join(',');
}

function isPyramid(entry: CziEntry): boolean {
  return entry.shape.some((s, i) => s !== entry.storedShape[i]);
}

/**
 * Level-0 entries (pyramid type 0), without thumbnails some writers store at level 0 when
 * every one of them duplicates a full-resolution position, sorted by mosaic index.
 */
function levelZero(entries: CziEntry[]): CziEntry[] {
  let filtered = entries.filter((e) => e.pyramidType === 0);
  if (filtered.length === 0) return entries;
  if (filtered.some(isPyramid)) {
    const full = filtered.filter((e) => !isPyramid(e));
    const refDims = (filtered[0] as CziEntry).dims;
    const fullKeys = new Set(full.map((e) => positionKey(e, refDims)));
    if (full.length > 0 && filtered.filter(isPyramid).every((e) => fullKeys.has(positionKey(e, refDims))))
      filtered = full;
  }
  if (filtered.some((e) => e.mosaicIndex >= 0))
    filtered = filtered
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.mosaicIndex - b.e.mosaicIndex || a.i - b.i)
      .map(({ e }) => e);
  return filtered;
}

/** The scenes of the file, lowest key first. */
export function cziScenes(entries: CziEntry[]): CziScene[] {
  const level0 = levelZero(entries).filter((e) => e.pyramidType === 0);
  const keys = [...new Set(level0.map((e) => e.sceneIndex))];
  if (keys.every((k) => k === -1)) return level0.length === 0 ? [] : [{ key: 0, entries: level0 }];
  return keys
    .filter((k) => k !== -1)
    .sort((a, b) => a - b)
    .map((key) => ({ key, entries: level0.filter((e) => e.sceneIndex === -1 || e.sceneIndex === key) }));
}

/**
 * The resolution levels scene `key` holds: the distinct factors by which its subblocks (of every
 * pyramid level) are stored smaller than they span, full resolution's 1 among them.
 */
export function sceneLevels(entries: readonly CziEntry[], key: number): number {
  const factors = new Set<number>([1]);
  for (const entry of entries) {
    if (entry.sceneIndex !== -1 && entry.sceneIndex !== key) continue;
    const x = entry.dims.indexOf('X');
    const stored = entry.storedShape[x] ?? 0;
    if (stored > 0) factors.add(Math.max(1, Math.round((entry.shape[x] ?? 0) / stored)));
  }
  return factors.size;
}

/** An entry's start and end per reference dim (start 0, size 1 for a dim it lacks). */
function span(entry: CziEntry, refDims: string[]): { start: number[]; end: number[] } {
  const same = entry.dims.length === refDims.length && entry.dims.every((d, i) => d === refDims[i]);
  if (same) return { start: entry.start, end: entry.start.map((s, i) => s + (entry.shape[i] as number)) };
  const index = new Map(entry.dims.map((d, i) => [d, i]));
  const start = refDims.map((d) => entry.start[index.get(d) ?? -1] ?? 0);
  const end = refDims.map(
    (d, i) => (start[i] as number) + (index.has(d) ? (entry.shape[index.get(d) as number] as number) : 1),
  );
  return { start, end };
}

/** numpy's promotion of the sample types a scene mixes across channels. */
function promote(dtypes: string[]): string {
  const rank = ['uint8', 'uint16', 'int32', 'float32', 'float64', 'complex64', 'complex128'];
  const set = new Set(dtypes);
  if (set.size === 1) return dtypes[0] as string;
  if (set.has('complex64') && (set.has('float64') || set.has('int32'))) return 'complex128';
  if (set.has('float32') && set.has('int32')) return 'float64';
  return [...set].sort((a, b) => rank.indexOf(b) - rank.indexOf(a))[0] as string;
}

/** A scene's sample type and samples per pixel: the first entry's, promoted across channels. */
export function scenePixelType(scene: CziScene): { dtype: string; samples: number } {
  const first = scene.entries[0] as CziEntry;
  const c = first.dims.indexOf('C');
  const perChannel = new Map<number, number>([[c < 0 ? 0 : (first.start[c] as number), first.pixelType]]);
  if (c >= 0) {
    for (const e of scene.entries) {
      const at = e.dims.indexOf('C');
      if (at >= 0 && !perChannel.has(e.start[at] as number)) perChannel.set(e.start[at] as number, e.pixelType);
    }
  }
  const types = [...perChannel.values()].map(pixelType);
  return { dtype: promote(types.map((t) => t.dtype)), samples: Math.max(...types.map((t) => t.samples)) };
}

/** The scene's dimensions before squeezing: names, minimum starts and sizes. */
export function sceneGeometry(scene: CziScene): { dims: string[]; start: number[]; size: number[] } {
  const dims = (scene.entries[0] as CziEntry).dims;
  const start = dims.map(() => Infinity);
  const end = dims.map(() => -Infinity);
  for (const entry of scene.entries) {
    const s = span(entry, dims);
    dims.forEach((_, i) => {
      start[i] = Math.min(start[i] as number, s.start[i] as number);
      end[i] = Math.max(end[i] as number, s.end[i] as number);
    });
  }
  const size = dims.map((d, i) =>
    d === 'S' ? scenePixelType(scene).samples : (end[i] as number) - (start[i] as number),
  );
  return { dims, start, size };
}

/** czifile's `sizes` of a scene: dims in file order, those of length 1 squeezed. */
export function sceneSizes(scene: CziScene): [string, number][] {
  const { dims, size } = sceneGeometry(scene);
  return dims.map((d, i) => [d, size[i] as number] as [string, number]).filter(([, n]) => n > 1);
}

/** The scene's plane counts (1 for an axis it lacks). */
export function scenePlaneCounts(scene: CziScene): { c: number; z: number; t: number } {
  const { dims, size } = sceneGeometry(scene);
  const count = (d: string): number => (dims.includes(d) ? (size[dims.indexOf(d)] as number) : 1);
  return { c: count('C'), z: count('Z'), t: count('T') };
}

/** Where each (c, z, t) plane of the scene is stored: the subblocks at that position; null past {@link MAX_STORED_PLANES}. */
export function scenePlaneStore(scene: CziScene): PlaneStore | null {
  const counts = scenePlaneCounts(scene);
  if (counts.c * counts.z * counts.t > MAX_STORED_PLANES) return null;
  const { dims, start, size } = sceneGeometry(scene);
  const { dtype, samples } = scenePixelType(scene);
  const at = (d: string): number => dims.indexOf(d);
  const count = (d: string): number => (at(d) < 0 ? 1 : (size[at(d)] as number));
  const [x, y] = [at('X'), at('Y')];
  const byPosition = new Map<string, PlaneTile[]>();
  for (const entry of scene.entries) {
    const s = span(entry, dims);
    const relative = (d: string): number => (at(d) < 0 ? 0 : (s.start[at(d)] as number) - (start[at(d)] as number));
    const others = dims.filter((d) => !'CZTXYS'.includes(d)).some((d) => relative(d) !== 0);
    if (others) continue;
    const key = `${relative('C')},${relative('Z')},${relative('T')}`;
    const tiles = byPosition.get(key) ?? [];
    tiles.push({
      kind: 'czi-subblock',
      segmentOffset: entry.filePosition,
      x: x < 0 ? 0 : (s.start[x] as number) - (start[x] as number),
      y: y < 0 ? 0 : (s.start[y] as number) - (start[y] as number),
      width: x < 0 ? 1 : (s.end[x] as number) - (s.start[x] as number),
      height: y < 0 ? 1 : (s.end[y] as number) - (s.start[y] as number),
    });
    byPosition.set(key, tiles);
  }
  const planes: StoredPlane[] = [];
  for (let c = 0; c < count('C'); c++) {
    for (let z = 0; z < count('Z'); z++) {
      for (let t = 0; t < count('T'); t++)
        planes.push({ c, z, t, tiles: byPosition.get(`${c},${z},${t}`) ?? [], sampleOffset: 0 });
    }
  }
  return {
    compression: cziCompression((scene.entries[0] as CziEntry).compression),
    dtype,
    samples,
    width: count('X'),
    height: count('Y'),
    pixelStride: null,
    rowStride: null,
    planes,
  };
}
