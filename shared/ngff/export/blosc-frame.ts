/**
 * Blosc 1 frames as c-blosc 1.21 writes them with Zstandard and bit shuffle, the chunk encoding
 * acqstore's OME-Zarr writer uses: a 16-byte header (format 2, flags, type size, sizes), one
 * start offset per block, then each block bit-shuffled and compressed as one stream (Zstandard
 * blocks are not split by byte), a stream that does not shrink stored as it is, and the whole
 * chunk stored as it is when compressing gains nothing. The Zstandard compressor is passed in,
 * so this stays pure code; any Blosc 1 or 2 reader decodes the frames (zarr-python, numcodecs,
 * zarrita).
 */

/** A Zstandard compressor of one buffer. */
export type Compress = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Bytes of one block before compression: c-blosc's choice for Zstandard at Blosc level 3. */
export const BLOSC_BLOCK_BYTES = 128 * 1024;

/** Blosc's level 3, acqstore's: c-blosc runs Zstandard at level 2 × 3 − 1 for it. */
export const BLOSC_LEVEL = 3;

/** The Zstandard level c-blosc uses at {@link BLOSC_LEVEL}. */
export const ZSTD_LEVEL = 2 * BLOSC_LEVEL - 1;

const HEADER_BYTES = 16;
/** c-blosc's smallest buffer it compresses: smaller ones are stored. */
const MIN_BUFFER_BYTES = 128;
const FORMAT_VERSION = 2;
/** Zstandard's format version in a Blosc header. */
const ZSTD_FORMAT_VERSION = 1;
const FLAG_MEMCPYED = 0x02;
const FLAG_BITSHUFFLE = 0x04;
const FLAG_DONT_SPLIT = 0x10;
/** Zstandard's compressor code (4) in the flags' top three bits. */
const FLAG_ZSTD = 4 << 5;

/**
 * `bytes` bit-shuffled as c-blosc does for `typesize`-byte elements: with n elements (a
 * multiple of 8), bit b of byte j of element i goes to bit i % 8 of byte
 * (8j + b) · n/8 + ⌊i/8⌋; bytes past the last whole element stay where they are. A block whose
 * element count is not a multiple of 8 is not shuffled at all.
 */
export function bitshuffle(bytes: Uint8Array, typesize: number): Uint8Array {
  const count = Math.floor(bytes.length / typesize);
  if (count % 8 !== 0) return bytes.slice();
  const out = new Uint8Array(bytes.length);
  const rowBytes = count / 8;
  for (let j = 0; j < typesize; j++) {
    for (let group = 0, at = j; group < rowBytes; group++, at += 8 * typesize) {
      // the 8 bytes j of elements 8·group … 8·group+7 as rows 0-3 (lo) and 4-7 (hi) of an 8 × 8
      // bit matrix, transposed as the bitshuffle library's TRANS_BIT_8X8 does on 64 bits
      let lo =
        (bytes[at] as number) |
        ((bytes[at + typesize] as number) << 8) |
        ((bytes[at + 2 * typesize] as number) << 16) |
        ((bytes[at + 3 * typesize] as number) << 24);
      let hi =
        (bytes[at + 4 * typesize] as number) |
        ((bytes[at + 5 * typesize] as number) << 8) |
        ((bytes[at + 6 * typesize] as number) << 16) |
        ((bytes[at + 7 * typesize] as number) << 24);
      let t = (lo ^ (lo >>> 7)) & 0x00aa00aa;
      lo ^= t ^ (t << 7);
      t = (hi ^ (hi >>> 7)) & 0x00aa00aa;
      hi ^= t ^ (t << 7);
      t = (lo ^ (lo >>> 14)) & 0x0000cccc;
      lo ^= t ^ (t << 14);
      t = (hi ^ (hi >>> 14)) & 0x0000cccc;
      hi ^= t ^ (t << 14);
      t = (lo ^ ((lo >>> 28) | (hi << 4))) & 0xf0f0f0f0;
      lo ^= t;
      hi ^= t >>> 4;
      // byte b of the transposed matrix holds bit b of each row: row 8j + b of the output
      const row = 8 * j * rowBytes + group;
      out[row] = lo;
      out[row + rowBytes] = lo >>> 8;
      out[row + 2 * rowBytes] = lo >>> 16;
      out[row + 3 * rowBytes] = lo >>> 24;
      out[row + 4 * rowBytes] = hi;
      out[row + 5 * rowBytes] = hi >>> 8;
      out[row + 6 * rowBytes] = hi >>> 16;
      out[row + 7 * rowBytes] = hi >>> 24;
    }
  }
  out.set(bytes.subarray(count * typesize), count * typesize);
  return out;
}

/** The 16-byte header of a frame. */
function header(flags: number, typesize: number, nbytes: number, blocksize: number, cbytes: number): Uint8Array {
  const head = new Uint8Array(HEADER_BYTES);
  const view = new DataView(head.buffer);
  head[0] = FORMAT_VERSION;
  head[1] = ZSTD_FORMAT_VERSION;
  head[2] = flags;
  head[3] = typesize;
  view.setUint32(4, nbytes, true);
  view.setUint32(8, blocksize, true);
  view.setUint32(12, cbytes, true);
  return head;
}

/** `raw` stored without compression (the frame c-blosc writes when compressing gains nothing). */
function stored(raw: Uint8Array, typesize: number, blocksize: number): Uint8Array {
  const frame = new Uint8Array(HEADER_BYTES + raw.length);
  const flags = FLAG_ZSTD | FLAG_DONT_SPLIT | FLAG_BITSHUFFLE | FLAG_MEMCPYED;
  frame.set(header(flags, typesize, raw.length, blocksize, frame.length));
  frame.set(raw, HEADER_BYTES);
  return frame;
}

/** The block size for `nbytes` of `typesize`-byte samples: whole samples, at most {@link BLOSC_BLOCK_BYTES}. */
function blockSizeOf(nbytes: number, typesize: number): number {
  const size = Math.min(BLOSC_BLOCK_BYTES, nbytes);
  return size > typesize ? size - (size % typesize) : size;
}

/** `raw` (samples of `typesize` bytes, at most 2 GiB) as one Blosc frame: Zstandard, bit shuffle. */
export async function bloscFrame(raw: Uint8Array, typesize: number, compress: Compress): Promise<Uint8Array> {
  const blocksize = blockSizeOf(raw.length, typesize);
  if (raw.length < MIN_BUFFER_BYTES) return stored(raw, typesize, blocksize);
  const blocks = Math.ceil(raw.length / blocksize);
  const streams: Uint8Array[] = [];
  let total = HEADER_BYTES + 4 * blocks;
  for (let start = 0; start < raw.length; start += blocksize) {
    const block = raw.subarray(start, Math.min(raw.length, start + blocksize));
    // a block of fewer bytes than one sample is not shuffled (c-blosc shuffles only from one sample up)
    const shuffled = block.length >= typesize ? bitshuffle(block, typesize) : block;
    const packed = await compress(shuffled);
    const body = packed.length > 0 && packed.length < block.length ? packed : shuffled;
    streams.push(body);
    total += 4 + body.length;
    if (total >= raw.length + HEADER_BYTES) return stored(raw, typesize, blocksize);
  }
  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  frame.set(header(FLAG_ZSTD | FLAG_DONT_SPLIT | FLAG_BITSHUFFLE, typesize, raw.length, blocksize, total));
  let at = HEADER_BYTES + 4 * blocks;
  streams.forEach((body, i) => {
    view.setUint32(HEADER_BYTES + 4 * i, at, true);
    view.setUint32(at, body.length, true);
    frame.set(body, at + 4);
    at += 4 + body.length;
  });
  return frame;
}
