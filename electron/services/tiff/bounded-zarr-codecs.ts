/**
 * The codecs zarrita may use for a preview, each bounded by the chunk it decodes: no chunk
 * decodes to more bytes than its declared shape holds. zarrita's own zlib and gzip inflate
 * without a limit, and numcodecs' Blosc, LZ4 and Zstandard allocate what the compressed data's
 * header claims (Zstandard frame after frame, Blosc reading as far as its header says). Here zlib and gzip use Node's zlib with a maximum output length, the others'
 * headers are checked against the chunk before they decode, and every codec not listed here
 * is refused (zarrita then names it unknown).
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import * as zarr from 'zarrita';
import { zstdDeclaredSize } from './zstd-frames';

type CodecLoader = typeof zarr.registry extends Map<string, infer L> ? L : never;
type CodecEntry = Awaited<ReturnType<CodecLoader>>;
type ChunkMeta = Parameters<CodecEntry['fromConfig']>[1];
type Decoder = { decode(bytes: Uint8Array): Promise<Uint8Array> | Uint8Array };

/** Bytes a codec may add to the decoded chunk it compresses (a checksum, a header), beyond the chunk's own. */
const SLACK_BYTES = 1024;

/** Bytes of one sample of each numeric data type zarrita reads. */
const SAMPLE_BYTES: Record<string, number> = {
  bool: 1,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  float16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  int64: 8,
  uint64: 8,
  float64: 8,
};

/** The most bytes a chunk of `meta` decodes to; a chunk of another data type (strings) cannot be bounded and is refused. */
export function decodedBound(meta: ChunkMeta): number {
  const sample = SAMPLE_BYTES[String(meta.dataType)];
  if (sample === undefined) throw new Error(`chunks of ${String(meta.dataType)} are not decoded`);
  return meta.shape.reduce((n, size) => n * size, sample) + SLACK_BYTES;
}

/** The decoded size a compressed chunk's own header declares; null when its header does not describe the chunk's bytes. */
type DeclaredSize = (bytes: Uint8Array) => number | null;

const u32 = (bytes: Uint8Array, at: number): number =>
  new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);

/** The Blosc flag of data stored as it is after the header. */
const BLOSC_MEMCPYED = 0x02;

/**
 * Blosc: `nbytes` of its 16-byte header, when the header's `cbytes` is the chunk's length (the
 * decoder trusts it, and reads past a shorter chunk), its block size fits, and data stored as
 * it is follows the header whole.
 */
const bloscSize: DeclaredSize = (bytes) => {
  if (bytes.length < 16) return null;
  const [flags, typeSize] = [bytes[2] as number, bytes[3] as number];
  const [nbytes, blockSize, cbytes] = [u32(bytes, 4), u32(bytes, 8), u32(bytes, 12)];
  if (cbytes !== bytes.length || typeSize === 0 || blockSize > Math.max(nbytes, 1)) return null;
  if ((flags & BLOSC_MEMCPYED) !== 0 && cbytes !== nbytes + 16) return null;
  return nbytes;
};

/** numcodecs' LZ4: the decoded size in the first 4 bytes. */
const lz4Size: DeclaredSize = (bytes) => (bytes.length < 4 ? null : u32(bytes, 0));

/** A numcodecs codec that decodes only chunks whose header declares at most the chunk's bytes. */
function checkedByHeader(load: CodecLoader, declared: DeclaredSize, name: string): CodecLoader {
  return async () => {
    const entry = await load();
    return bytesToBytes((config, meta) => {
      const codec = entry.fromConfig(config, meta) as unknown as Decoder;
      const bound = decodedBound(meta);
      return (bytes) => {
        const size = declared(bytes);
        if (size === null) throw new Error(`a ${name} chunk whose header does not describe its bytes is not decoded`);
        if (size > bound) throw new Error(`a ${name} chunk declares ${size} bytes, more than its ${bound}`);
        return codec.decode(bytes);
      };
    });
  };
}

/** zlib or gzip through Node's zlib, never past the chunk's bytes. */
function inflating(inflate: typeof inflateSync): CodecLoader {
  const entry = bytesToBytes((_config, meta) => {
    const maxOutputLength = decodedBound(meta);
    return (bytes) => {
      const out = inflate(bytes, { maxOutputLength });
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    };
  });
  return () => Promise.resolve(entry);
}

/** A registry entry for a decode-only bytes-to-bytes codec made by `make` for each chunk layout. */
function bytesToBytes(
  make: (config: unknown, meta: ChunkMeta) => (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array,
): CodecEntry {
  return {
    kind: 'bytes_to_bytes',
    fromConfig(config: unknown, meta: ChunkMeta) {
      const decode = make(config, meta);
      return { kind: 'bytes_to_bytes', decode, encode: () => Promise.reject(new Error('a preview encodes nothing')) };
    },
  } as unknown as CodecEntry;
}

let bounded = false;

/** Leaves in zarrita's registry only the codecs above and those that cannot grow a chunk; call before a preview. */
export function useBoundedZarrCodecs(): void {
  if (bounded) return;
  bounded = true;
  const own = new Map(zarr.registry);
  const keep = (name: string): CodecLoader => {
    const loader = own.get(name);
    if (loader === undefined) throw new Error(`zarrita has no ${name} codec`);
    return loader;
  };
  const checked = new Map<string, CodecLoader>([
    ['blosc', checkedByHeader(keep('blosc'), bloscSize, 'Blosc')],
    ['lz4', checkedByHeader(keep('lz4'), lz4Size, 'LZ4')],
    ['zstd', checkedByHeader(keep('zstd'), zstdDeclaredSize, 'Zstandard')],
    ['zlib', inflating(inflateSync)],
    ['gzip', inflating(gunzipSync)],
  ]);
  zarr.registry.clear();
  for (const [name, loader] of checked) {
    zarr.registry.set(name, loader);
    zarr.registry.set(`numcodecs.${name}`, loader);
  }
  // same size out as in, or a view of it
  for (const name of ['bytes', 'transpose', 'crc32c', 'numcodecs.shuffle', 'numcodecs.delta'])
    zarr.registry.set(name, keep(name));
}
