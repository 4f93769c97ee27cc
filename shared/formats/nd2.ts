/**
 * Nikon ND2 header reader for the current chunk layout (version 3: metadata in CLX Lite
 * chunks). The header is what acqstore reports through the `nd2` package: that package's axis
 * sizes (experiment loops, then C, Y, X, and S for RGB) with the XY-position axis taken out
 * as scenes; dates are left empty, as acqstore leaves them for ND2.
 */
import type { ByteSource } from '../tiff/types';
import { fail, vendorReader } from './bytes';
import { headerFromSizes, imageSummary } from './header-strings';
import { chunkAt, nd2Version, readChunk, readChunkMap, type ChunkMap } from './nd2-container';
import { LOOP_AXIS, nd2Loops, type Nd2Loop } from './nd2-experiment';
import { decodeLite, liteNumber, type LiteRecord, type LiteValue } from './nd2-lite';
import { nd2Acquisition, nd2PixelSize } from './nd2-metadata';
import { decodeVariantXml } from './nd2-variant-xml';
import {
  MAX_STORED_PLANES,
  tooManyPlanes,
  type PlaneStore,
  type StoredPlane,
  type VendorHeader,
  type VendorReadOptions,
} from './types';
import type { BoundedReader } from '../tiff/bounded-reader';

/** The image attributes nd2 derives its shape and dtype from. */
interface Attributes {
  width: number;
  widthBytes: number;
  height: number;
  components: number;
  bitsInMemory: number;
  compression: number;
  channelCount: number;
}

function chunk(reader: BoundedReader, map: ChunkMap, name: string, root: string): LiteValue | undefined {
  const bytes = readChunk(reader, map, name);
  if (bytes === undefined) return undefined;
  const decoded: LiteRecord =
    bytes[0] === 0x3c ? decodeVariantXml(bytes, `ND2 chunk ${name}`) : decodeLite(bytes, `ND2 chunk ${name}`);
  return decoded[root] ?? decoded;
}

function attributesOf(raw: LiteValue | undefined, meta: LiteValue | undefined): Attributes {
  const need = (key: string): number => liteNumber(raw, key) ?? fail(`ND2 image attributes lack ${key}`);
  return {
    width: need('uiWidth'),
    widthBytes: need('uiWidthBytes'),
    height: need('uiHeight'),
    components: need('uiComp'),
    bitsInMemory: need('uiBpcInMemory'),
    compression: liteNumber(raw, 'eCompression') ?? 2,
    channelCount: liteNumber(meta, 'sPicturePlanes', 'uiCount') ?? 1,
  };
}

/** nd2's `sizes`: loop axes in order (a repeated axis keeps its first place, last count), C, Y, X, S; ones dropped. */
function nd2Sizes(loops: Nd2Loop[], a: Attributes): [string, number][] {
  const sizes = new Map<string, number>();
  for (const loop of loops) sizes.set(LOOP_AXIS[loop.type], loop.count);
  const perChannel = Math.floor(a.components / (a.channelCount || 1));
  sizes.set('C', a.channelCount || 1);
  sizes.set('Y', a.height);
  sizes.set('X', a.width || -1);
  if (perChannel === 3) sizes.set('S', 3);
  else sizes.set('C', a.components);
  return [...sizes].filter(([, n]) => n !== 1);
}

/** numpy dtype: `f` for 32 bits in memory, else unsigned of that many whole bytes. */
function nd2Dtype(a: Attributes): string {
  const bytes = Math.floor(a.bitsInMemory / 8);
  return a.bitsInMemory === 32 ? 'float32' : `uint${bytes * 8}`;
}

/** Where each (c, z, t) plane of position 0 lies: its frame chunk, with channels interleaved; or why not. */
function planeStore(
  reader: BoundedReader,
  map: ChunkMap,
  rawSizes: [string, number][],
  a: Attributes,
  dtype: string,
): PlaneStore | string {
  const first = map.get('ImageDataSeq|0!');
  if (first === undefined) return 'the file has no ImageDataSeq|0! frame chunk';
  const frame = chunkAt(reader, first.offset, 'ImageDataSeq|0!');
  const header = frame.dataOffset - first.offset;
  const bytesPerSample = Math.floor(a.bitsInMemory / 8);
  const rgb = Math.floor(a.components / (a.channelCount || 1)) === 3;
  const coordDims = rawSizes.filter(([d]) => !'CYXS'.includes(d));
  const count = (d: string): number => rawSizes.find(([x]) => x === d)?.[1] ?? 1;
  if (count('C') * count('Z') * count('T') > MAX_STORED_PLANES)
    return tooManyPlanes(count('C') * count('Z') * count('T'));
  const planes: StoredPlane[] = [];
  for (let c = 0; c < count('C'); c++) {
    for (let z = 0; z < count('Z'); z++) {
      for (let t = 0; t < count('T'); t++) {
        const seq = coordDims.reduce((flat, [d, n]) => flat * n + (d === 'Z' ? z : d === 'T' ? t : 0), 0);
        const entry = map.get(`ImageDataSeq|${seq}!`);
        const tiles =
          entry === undefined
            ? []
            : [
                {
                  kind: 'bytes' as const,
                  offset: entry.offset + header + 8,
                  length: Math.max(entry.size - 8, 0),
                  x: 0,
                  y: 0,
                  width: a.width,
                  height: a.height,
                },
              ];
        planes.push({ c, z, t, tiles, sampleOffset: c * bytesPerSample * (rgb ? 3 : 1) });
      }
    }
  }
  const compression = a.compression === 0 ? 'zlib' : a.compression === 1 ? 'lossy' : 'none';
  return {
    compression,
    dtype,
    samples: rgb ? 3 : 1,
    width: a.width,
    height: a.height,
    pixelStride: a.components * bytesPerSample,
    rowStride: a.widthBytes,
    planes,
  };
}

/** Reads the header of an ND2 file. */
export function readNd2Header(source: ByteSource, options: VendorReadOptions = {}): VendorHeader {
  const reader = vendorReader(source, options);
  const [major, minor] = nd2Version(reader);
  if (major < 3) fail(`ND2 version ${major}.${minor} (XML metadata chunks) is not supported; only version 3 and later`);
  const map = readChunkMap(reader);
  const meta = chunk(reader, map, 'ImageMetadataSeqLV|0!', 'SLxPictureMetadata');
  const raw =
    chunk(reader, map, 'ImageAttributesLV!', 'SLxImageAttributes') ??
    fail('the ND2 file has no image attributes chunk');
  const experiment = chunk(reader, map, 'ImageMetadataLV!', 'SLxExperiment');
  const textInfo = chunk(reader, map, 'ImageTextInfoLV!', 'SLxImageTextInfo');
  const appInfo = chunk(reader, map, 'CustomDataVar|AppInfo_V1_0!', '');
  const a = attributesOf(raw, meta);
  if (a.width <= 0 || a.height <= 0 || a.components <= 0)
    fail(`ND2 image attributes describe an empty image (${a.width} × ${a.height}, ${a.components} components)`);
  const loops = nd2Loops(experiment);
  const rawSizes = nd2Sizes(loops, a);
  const positions = rawSizes.find(([d]) => d === 'P')?.[1] ?? 1;
  const sizes = rawSizes.filter(([d]) => d !== 'P');
  const dtype = nd2Dtype(a);
  const store = planeStore(reader, map, rawSizes, a, dtype);
  const xy = nd2PixelSize(meta);
  const names = loops.find((l) => l.type === 'XYPosLoop')?.positionNames ?? [];
  const count = (d: string): number => sizes.find(([x]) => x === d)?.[1] ?? 1;
  return {
    format: 'nd2',
    header: { ...headerFromSizes(sizes, dtype, positions), date: '', time: '' },
    fileCalibration: xy === undefined ? null : { x: xy, y: xy, unit: 'um', source: 'nd2' },
    planes: { c: count('C'), z: count('Z'), t: count('T') },
    images: Array.from({ length: positions }, (_, i) => imageSummary(names[i] || `Position ${i}`, sizes, dtype)),
    acquisition: nd2Acquisition({ meta, textInfo, appInfo, loops }),
    ...(typeof store === 'string' ? { store: null, storeNote: store } : { store }),
  };
}
