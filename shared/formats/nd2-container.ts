/**
 * The chunk layout of a current Nikon ND2 file: every chunk starts with the magic 0x0ABECEDA,
 * a name length and a data length; the file opens with a signature chunk naming the version
 * (`Ver3.0`) and ends with the signature of the chunk map and its offset; the chunk map lists
 * each chunk's name (ending in `!`) with its offset and size. A file that opens with the JPEG
 * 2000 signature box is an older ND2 written by NIS-Elements before version 2.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import { asciiBytes, fail, startsWith, u64 } from './bytes';

const CHUNK_MAGIC = [0xda, 0xce, 0xbe, 0x0a];
const JP2_MAGIC = [0x00, 0x00, 0x00, 0x0c];
const FILE_SIGNATURE = 'ND2 FILE SIGNATURE CHUNK NAME01!';
const MAP_SIGNATURE = 'ND2 CHUNK MAP SIGNATURE 0000001!';
const FILEMAP_SIGNATURE = 'ND2 FILEMAP SIGNATURE NAME 0001!';
/** Largest chunk map read (bytes). */
const MAX_MAP_BYTES = 32 * 1024 * 1024;
/** Largest metadata chunk read (bytes). */
export const MAX_ND2_CHUNK = 16 * 1024 * 1024;
/** Most chunks listed in a map. */
const MAX_CHUNKS = 2_000_000;

/** Whether the bytes start like an ND2 file (current or JPEG 2000). */
export function looksLikeNd2(head: Uint8Array): boolean {
  return (
    startsWith(head, CHUNK_MAGIC) || (startsWith(head, JP2_MAGIC) && startsWith(head.subarray(4), asciiBytes('jP  ')))
  );
}

/** The file's version from its signature chunk; fails on a JPEG 2000 ND2 or another file. */
export function nd2Version(reader: BoundedReader): [number, number] {
  const head = reader.bytes(0, 112, 'the ND2 signature chunk');
  if (startsWith(head, JP2_MAGIC))
    fail('this is an old ND2 file stored as JPEG 2000 (written before NIS-Elements 4), which is not supported');
  if (!startsWith(head, CHUNK_MAGIC)) fail('not an ND2 file (no chunk magic at its start)');
  const name = new TextDecoder('latin1').decode(head.subarray(16, 48));
  if (name !== FILE_SIGNATURE) fail('corrupt ND2 file: its first chunk is not the file signature');
  const ver = /^Ver(\d)\.(\d)/.exec(new TextDecoder('latin1').decode(head.subarray(48, 54)));
  if (ver === null) fail('corrupt ND2 file: its signature chunk names no version');
  return [Number(ver[1]), Number(ver[2])];
}

/** Chunk names (with their `!`) to the offset of the chunk header and the data size. */
export type ChunkMap = Map<string, { offset: number; size: number }>;

/** The chunk header at `offset`: where its data starts and how long it is. */
export function chunkAt(
  reader: BoundedReader,
  offset: number,
  what: string,
): { dataOffset: number; dataLength: number; name: Uint8Array } {
  const head = reader.bytes(offset, 16, () => `the chunk header of ${what}`);
  if (!startsWith(head, CHUNK_MAGIC)) fail(`corrupt ND2 file: no chunk magic at ${offset} (${what})`);
  const nameLength = new DataView(head.buffer, head.byteOffset, 16).getUint32(4, true);
  const dataLength = u64(head, 8);
  reader.check(offset + 16, nameLength, () => `the chunk name of ${what}`);
  const name = reader.bytes(offset + 16, Math.min(nameLength, 64), () => `the chunk name of ${what}`);
  return { dataOffset: offset + 16 + nameLength, dataLength, name };
}

/** Reads the chunk map named at the file's end. */
export function readChunkMap(reader: BoundedReader): ChunkMap {
  if (reader.size < 40) fail('truncated ND2 file: too short for a chunk map');
  const tail = reader.bytes(reader.size - 40, 40, 'the chunk map signature');
  if (new TextDecoder('latin1').decode(tail.subarray(0, 32)) !== MAP_SIGNATURE)
    fail('truncated or corrupt ND2 file: no chunk map signature at its end');
  const location = u64(tail, 32);
  const chunk = chunkAt(reader, location, 'the chunk map');
  if (!new TextDecoder('latin1').decode(chunk.name).startsWith(FILEMAP_SIGNATURE))
    fail(`corrupt ND2 file: no chunk map at ${location}`);
  if (chunk.dataLength > MAX_MAP_BYTES)
    fail(`the ND2 chunk map claims ${chunk.dataLength} bytes, more than ${MAX_MAP_BYTES}`);
  const data = reader.bytes(chunk.dataOffset, chunk.dataLength, 'the chunk map');
  const map: ChunkMap = new Map();
  const latin1 = new TextDecoder('latin1');
  let pos = 0;
  for (;;) {
    const bang = data.indexOf(0x21, pos);
    if (bang < 0) fail('corrupt ND2 chunk map: it does not end with its signature');
    const name = latin1.decode(data.subarray(pos, bang + 1));
    if (name === MAP_SIGNATURE) return map;
    if (bang + 17 > data.length) fail('corrupt ND2 chunk map: an entry runs past its end');
    if (map.size >= MAX_CHUNKS) fail(`the ND2 chunk map lists more than ${MAX_CHUNKS} chunks`);
    map.set(name, { offset: u64(data, bang + 1), size: u64(data, bang + 9) });
    pos = bang + 17;
  }
}

/** The data of the chunk called `name` (checked against its header), or undefined when the map lacks it. */
export function readChunk(reader: BoundedReader, map: ChunkMap, name: string): Uint8Array | undefined {
  const entry = map.get(name);
  if (entry === undefined) return undefined;
  const chunk = chunkAt(reader, entry.offset, name);
  if (!new TextDecoder('latin1').decode(chunk.name).startsWith(name))
    fail(`corrupt ND2 file: the chunk at ${entry.offset} is not ${name}`);
  if (chunk.dataLength > MAX_ND2_CHUNK)
    fail(`ND2 chunk ${name} claims ${chunk.dataLength} bytes, more than ${MAX_ND2_CHUNK}`);
  return reader.bytes(chunk.dataOffset, chunk.dataLength, name);
}
