import { getDecoder } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { decodeLzw } from '../../../../electron/services/tiff/bounded-decoders';
import { encodeLzw } from '../../../../shared/ome-tiff/lzw-encode';

/** Decodes with geotiff's own LZW decoder (the one libtiff-compatible readers share). */
async function geotiffDecode(data: Uint8Array, length: number): Promise<Uint8Array> {
  const decoder = await getDecoder(5, {
    tileWidth: length,
    tileHeight: 1,
    predictor: 1,
    bitsPerSample: 8,
    planarConfiguration: 1,
  });
  const copy = data.slice();
  return new Uint8Array(await decoder.decode(copy.buffer)).subarray(0, length);
}

function noise(length: number, seed: number, range = 256): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = (state >>> 16) % range;
  }
  return bytes;
}

const INPUTS: [string, Uint8Array][] = [
  ['one byte', new Uint8Array([7])],
  ['a run of zeros (long strings)', new Uint8Array(300_000)],
  ['noise (the table fills and clears many times)', noise(200_000, 1)],
  ['few values', noise(150_000, 2, 4)],
  ['a gradient', Uint8Array.from({ length: 70_000 }, (_, i) => (i >> 3) & 0xff)],
  ['codes at every width boundary', noise(5_000, 3, 16)],
];

describe('encodeLzw', () => {
  it.each(INPUTS)('%s: round-trips through geotiff and the bounded decoder', async (_name, input) => {
    const encoded = encodeLzw(input);
    expect(await geotiffDecode(encoded, input.length)).toEqual(input);
    expect(decodeLzw(encoded, input.length)).toEqual(input);
  });

  it('compresses repetitive bytes and starts with a clear code', () => {
    const encoded = encodeLzw(new Uint8Array(100_000));
    expect(encoded.length).toBeLessThan(2_000);
    // 256 as the first 9 bits, most significant first
    expect(encoded[0]).toBe(0x80);
    expect((encoded[1] as number) >> 7).toBe(0);
  });

  it('encodes nothing as a clear and an end code', () => {
    // 100000000 100000001, padded: 1000 0000 0100 0000 0100 0000
    expect(Array.from(encodeLzw(new Uint8Array(0)))).toEqual([0x80, 0x40, 0x40]);
  });
});
