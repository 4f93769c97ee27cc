import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Blosc from 'numcodecs/blosc';
import Zstd from 'numcodecs/zstd';
import { afterAll, describe, expect, it } from 'vitest';
import { bitshuffle, bloscFrame, ZSTD_LEVEL } from '../../../../../shared/ngff/export/blosc-frame';

const zstd = Zstd.fromConfig({ id: 'zstd', level: ZSTD_LEVEL });
const compress = (bytes: Uint8Array) => zstd.encode(bytes);

/** Samples that compress: a slow ramp with noise in the low bits, as a microscope's pixels. */
function samples(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let state = seed;
  for (let i = 0; i < bytes; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = i % 2 === 0 ? (state >>> 28) + (i >> 9) : (i >> 12) & 0x0f;
  }
  return out;
}

const random = (bytes: number) => Uint8Array.from({ length: bytes }, () => Math.floor(Math.random() * 256));

/** [name, raw bytes, type size]: blocks whole, partial, shorter than 8 samples, and stored. */
const CASES: [string, Uint8Array, number][] = [
  ['tiny (stored)', samples(20, 1), 2],
  ['one block of bytes', samples(1000, 2), 1],
  ['a 24 × 3000 uint16 chunk', samples(24 * 3000 * 2, 3), 2],
  ['three blocks and 7 odd samples', samples((3 * 65536 + 7) * 2, 4), 2],
  ['uint32 past one block', samples(300001 * 4, 5), 4],
  ['float64, 17 samples', samples(17 * 8, 6), 8],
  ['noise (stored)', random(70000), 2],
];

const dir = mkdtempSync(path.join(tmpdir(), 'blosc-frame-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Blosc frames', () => {
  it.each(CASES)('%s: numcodecs (WebAssembly c-blosc) decodes the same bytes', async (_name, raw, typesize) => {
    const frame = await bloscFrame(raw, typesize, compress);
    expect(frame[3]).toBe(typesize);
    const decoded = new Uint8Array(await Blosc.fromConfig({ id: 'blosc' }).decode(frame));
    expect(Buffer.from(decoded).equals(Buffer.from(raw))).toBe(true);
  });

  it('Python numcodecs (c-blosc 1.21) decodes every frame to its bytes', async () => {
    const names: string[] = [];
    for (const [i, [, raw, typesize]] of CASES.entries()) {
      writeFileSync(path.join(dir, `${i}.raw`), raw);
      writeFileSync(path.join(dir, `${i}.blosc`), await bloscFrame(raw, typesize, compress));
      names.push(String(i));
    }
    const script = `import sys
from numcodecs import Blosc
for n in sys.argv[2:]:
    raw = open(f'{sys.argv[1]}/{n}.raw', 'rb').read()
    print(n, bytes(Blosc().decode(open(f'{sys.argv[1]}/{n}.blosc', 'rb').read())) == raw)`;
    const out = execFileSync('/usr/bin/python3', ['-c', script, dir, ...names], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(names.map((n) => `${n} True`));
  });

  it('compresses what compresses, and stores noise with the stored flag', async () => {
    const ramp = await bloscFrame(samples(256 * 256 * 2, 7), 2, compress);
    expect(ramp.length).toBeLessThan((256 * 256 * 2) / 2);
    expect((ramp[2] as number) & 0x02).toBe(0);
    const noise = await bloscFrame(random(70000), 2, compress);
    expect(noise.length).toBe(70000 + 16);
    expect((noise[2] as number) & 0x02).toBe(0x02);
  });

  it('bit-shuffles as the bitshuffle library lays bits out', () => {
    // 8 uint16 samples: sample i = 1 << i, so bit i of byte 0 of sample i is set
    const raw = new Uint8Array(16);
    for (let i = 0; i < 8; i++) raw[2 * i] = 1 << i;
    const out = bitshuffle(raw, 2);
    // row 8j + b holds bit b of byte j of every sample: row b of byte 0 has only sample b's bit
    expect([...out]).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
