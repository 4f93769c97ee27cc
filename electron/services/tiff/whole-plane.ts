/**
 * A whole TIFF plane copied block by block from geotiff's decoded strips or tiles, a row of
 * bytes at a time, instead of geotiff's `readRasters`, which reads every sample through a
 * DataView call; the samples come out the same (see docs/benchmarks.md for what it saves).
 */
import { endianness } from 'node:os';
import { getDecoder, type GeoTIFFImage } from 'geotiff';
import { TiffReadError } from '../../../shared/tiff';
import type { SampleArray } from './plane-samples';

/** Compressions whose decoded blocks are the samples as stored: none, LZW, Deflate, PackBits. */
const COPYABLE_COMPRESSIONS = new Set([1, 5, 8, 32773, 32946]);

/** What the block decoder needs to know from the plane's tags. */
export interface BlockTags {
  compression: number;
  bitsPerSample: number[];
  sampleFormat: number;
  predictor: number;
}

/** Whether whole bytes per sample, of one size, stored as geotiff hands them on (no 16-bit floats, no 64-bit integers). */
function copyable(tags: BlockTags): boolean {
  const bits = tags.bitsPerSample[0] ?? 0;
  if (!tags.bitsPerSample.every((b) => b === bits) || ![8, 16, 32, 64].includes(bits)) return false;
  if (tags.sampleFormat === 3) return bits !== 8 && bits !== 16;
  return (tags.sampleFormat === 1 || tags.sampleFormat === 2) && bits !== 64;
}

/**
 * One sample of every pixel of `image` (`sample`), or all its samples interleaved (`sample`
 * null), as geotiff's `readRasters` would give them; null where only `readRasters` can (packed
 * bits, 16-bit floats, JPEG, one sample of several stored together).
 */
export async function copyWholePlane(
  image: GeoTIFFImage,
  tags: BlockTags,
  sample: number | null,
): Promise<SampleArray | null> {
  const samplesPerPixel = image.getSamplesPerPixel();
  const chunky = image.planarConfiguration === 1;
  if (endianness() !== 'LE' || !COPYABLE_COMPRESSIONS.has(tags.compression) || !copyable(tags)) return null;
  if (sample === null ? !chunky && samplesPerPixel > 1 : chunky && samplesPerPixel > 1) return null;
  const sampleBytes = (tags.bitsPerSample[0] ?? 8) / 8;
  const pixelBytes = sample === null ? sampleBytes * samplesPerPixel : sampleBytes;
  const [width, height] = [image.getWidth(), image.getHeight()];
  const [tileWidth, tileHeight] = [image.getTileWidth(), image.getTileHeight()];
  const decoder = await getDecoder(tags.compression, {
    tileWidth,
    tileHeight,
    planarConfiguration: image.planarConfiguration,
    bitsPerSample: tags.bitsPerSample,
    predictor: tags.predictor,
  } as Parameters<typeof getDecoder>[1]);
  const values = image.getArrayForSample(sample ?? 0, width * height * (pixelBytes / sampleBytes)) as SampleArray;
  const out = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const blocks: Promise<void>[] = [];
  for (let y = 0; y < Math.ceil(height / tileHeight); y++) {
    for (let x = 0; x < Math.ceil(width / tileWidth); x++) {
      const block = image.getTileOrStrip(x, y, sample ?? 0, decoder).then(({ data }) => {
        const bytes = new Uint8Array(data);
        const rows = Math.min(image.getBlockHeight(y), height - y * tileHeight);
        const rowBytes = Math.min(tileWidth, width - x * tileWidth) * pixelBytes;
        const stride = tileWidth * pixelBytes;
        if (bytes.length < (rows - 1) * stride + rowBytes)
          throw new TiffReadError(`strip or tile (${x}, ${y}) decodes to ${bytes.length} bytes, fewer than it holds`);
        for (let row = 0; row < rows; row++) {
          const at = ((y * tileHeight + row) * width + x * tileWidth) * pixelBytes;
          out.set(bytes.subarray(row * stride, row * stride + rowBytes), at);
        }
      });
      blocks.push(block);
    }
  }
  await Promise.all(blocks);
  if (!image.littleEndian && sampleBytes > 1) swapBytes(out, sampleBytes);
  return values;
}

/** Turns big-endian samples of `size` bytes into the host's (little-endian) order, in place. */
function swapBytes(bytes: Uint8Array, size: number): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (size === 2) buffer.swap16();
  else if (size === 4) buffer.swap32();
  else buffer.swap64();
}
