import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDeflate, decodeLzw, decodePackBits } from '../../../../../electron/services/tiff/bounded-decoders';

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('bounded decoders', () => {
  it('never write past the block, whatever the input', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = noise(2000, seed);
      for (const decode of [decodeLzw, decodePackBits]) {
        let out: Uint8Array | undefined;
        try {
          out = decode(input, 4096);
        } catch (error) {
          expect((error as Error).message).toBe('corrupt LZW data');
        }
        expect(out === undefined || out.length <= 4096).toBe(true);
      }
    }
  });

  it('decodes PackBits runs and literals', () => {
    // 3 literal bytes, then 0xAA repeated 4 times, then a no-op (-128)
    const input = Uint8Array.from([2, 1, 2, 3, 0xfd, 0xaa, 0x80]);
    expect(Array.from(decodePackBits(input, 100))).toEqual([1, 2, 3, 0xaa, 0xaa, 0xaa, 0xaa]);
    expect(Array.from(decodePackBits(input, 5))).toEqual([1, 2, 3, 0xaa, 0xaa]);
  });

  it('inflates Deflate data and refuses a bomb', () => {
    const data = noise(1000, 3);
    expect(Array.from(decodeDeflate(deflateSync(data), 1000))).toEqual(Array.from(data));
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => decodeDeflate(bomb, 4096)).toThrow(/^corrupt Deflate data/);
  });
});
