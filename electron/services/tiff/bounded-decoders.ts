/**
 * LZW, PackBits and Deflate decoders whose output can never outgrow the block they decode.
 *
 * They replace geotiff's own for these compressions: geotiff's LZW follows a corrupt
 * dictionary chain forever and its PackBits grows a plain JS array, and either one can abort
 * the whole process with V8's fatal "invalid size error" (libtiff's quad-lzw-compat.tiff,
 * an old-style LZW file, does it). Here every decoder writes into a buffer sized for the
 * block and stops when it is full; Deflate uses Node's zlib with a maximum output length.
 */
import { inflateSync } from 'node:zlib';
import { addDecoder, BaseDecoder } from 'geotiff';

interface BlockParameters {
  tileWidth: number;
  tileHeight: number;
  bitsPerSample: number | ArrayLike<number>;
  planarConfiguration: number;
}

/** Bytes one decoded strip or tile holds at most. */
function blockBytes(parameters: BlockParameters): number {
  const bits =
    typeof parameters.bitsPerSample === 'number' ? [parameters.bitsPerSample] : Array.from(parameters.bitsPerSample);
  const pixelBits = parameters.planarConfiguration === 2 ? (bits[0] ?? 8) : bits.reduce((a, b) => a + b, 0);
  return Math.ceil((parameters.tileWidth * pixelBits) / 8) * parameters.tileHeight;
}

/** Decodes TIFF LZW (MSB-first with early change, or libtiff's old-style LSB-first) into at most `capacity` bytes. */
export function decodeLzw(input: Uint8Array, capacity: number): Uint8Array {
  const oldStyle = input.length >= 2 && input[0] === 0 && ((input[1] ?? 0) & 1) === 1;
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    length[i] = 1;
    first[i] = i;
  }
  const out = new Uint8Array(capacity);
  let pos = 0;
  let next = 258;
  let width = 9;
  let previous = -1;
  let bitPos = 0;
  const totalBits = input.length * 8;
  const readCode = (): number => {
    let code = 0;
    for (let i = 0; i < width; i++, bitPos++) {
      const byte = input[bitPos >> 3] ?? 0;
      const bit = oldStyle ? (byte >> (bitPos & 7)) & 1 : (byte >> (7 - (bitPos & 7))) & 1;
      code = oldStyle ? code | (bit << i) : (code << 1) | bit;
    }
    return code;
  };
  const emit = (code: number): void => {
    const n = length[code] ?? 0;
    let c = code;
    for (let k = n - 1; k >= 0; k--) {
      if (pos + k < capacity) out[pos + k] = suffix[c] ?? 0;
      c = prefix[c] ?? -1;
    }
    pos = Math.min(capacity, pos + n);
  };
  const add = (base: number, char: number): void => {
    if (next >= 4096) return;
    prefix[next] = base;
    suffix[next] = char;
    length[next] = (length[base] ?? 0) + 1;
    first[next] = first[base] ?? 0;
    next++;
  };
  while (pos < capacity && bitPos + width <= totalBits) {
    const code = readCode();
    if (code === 257) break;
    if (code === 256) {
      next = 258;
      width = 9;
      previous = -1;
      continue;
    }
    if (previous === -1) {
      if (code > 255) throw new Error('corrupt LZW data');
      emit(code);
    } else if (code < next) {
      emit(code);
      add(previous, first[code] ?? 0);
    } else if (code === next) {
      add(previous, first[previous] ?? 0);
      emit(code);
    } else {
      throw new Error('corrupt LZW data');
    }
    previous = code;
    const limit = (1 << width) - (oldStyle ? 0 : 1);
    if (next >= limit && width < 12) width++;
  }
  return out.slice(0, pos);
}

/** Decodes PackBits into at most `capacity` bytes. */
export function decodePackBits(input: Uint8Array, capacity: number): Uint8Array {
  const out = new Uint8Array(capacity);
  let pos = 0;
  let i = 0;
  while (i < input.length && pos < capacity) {
    const header = ((input[i++] ?? 0) << 24) >> 24;
    if (header >= 0) {
      const n = Math.min(header + 1, capacity - pos, input.length - i);
      out.set(input.subarray(i, i + n), pos);
      pos += n;
      i += header + 1;
    } else if (header !== -128) {
      const n = Math.min(1 - header, capacity - pos);
      out.fill(input[i++] ?? 0, pos, pos + n);
      pos += n;
    }
  }
  return out.slice(0, pos);
}

/** Inflates zlib data, failing rather than producing more than `capacity` bytes. */
export function decodeDeflate(input: Uint8Array, capacity: number): Uint8Array {
  try {
    return new Uint8Array(inflateSync(input, { maxOutputLength: Math.max(capacity, 1) }));
  } catch (error) {
    throw new Error(`corrupt Deflate data (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
}

function decoderClass(decode: (input: Uint8Array, capacity: number) => Uint8Array): typeof BaseDecoder {
  return class extends BaseDecoder {
    override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
      const parameters = this.parameters as unknown as BlockParameters;
      return decode(new Uint8Array(buffer), blockBytes(parameters)).buffer;
    }
  };
}

let registered = false;

/** Makes geotiff use the bounded decoders (once per thread). */
export function registerBoundedDecoders(): void {
  if (registered) return;
  registered = true;
  addDecoder(5, async () => decoderClass(decodeLzw));
  addDecoder(32773, async () => decoderClass(decodePackBits));
  addDecoder([8, 32946], async () => decoderClass(decodeDeflate));
}
