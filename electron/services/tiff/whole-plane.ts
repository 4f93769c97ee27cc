/**
 * A whole TIFF plane copied block by block from geotiff's decoded strips or tiles, a row of
 * bytes at a time, instead of geotiff's `readRasters`, which reads every sample through a
 * DataView call; the samples come out the same (see docs/benchmarks.md for what it saves).
 */
import { endianness } from 'node:os';
import { getDecoder, type GeoTIFFImage } from 'geotiff';
import { TiffReadError } from '../../../shared/tiff';
import { copyTile, sampleArray, sampleType, type SampleArray, type SampleType } from './plane-samples';

/** Compressions whose decoded blocks are the samples as stored: none, LZW, Deflate, PackBits. */
const COPYABLE_COMPRESSIONS = new Set([1, 5, 8, 32773, 32946]);

/** What the block decoder needs to know from the plane's tags. */
export interface BlockTags {
  compression: number;
  bitsPerSample: number[];
  sampleFormat: number;
  predictor: number;
}

/** The sample type of whole bytes per sample, of one size, as geotiff hands them on; undefined for packed bits, 16-bit floats and 64-bit integers. */
function blockSampleType(tags: BlockTags): SampleType | undefined {
  const bits = tags.bitsPerSample[0] ?? 0;
  if (!tags.bitsPerSample.every((b) => b === bits)) return undefined;
  const kind = { 1: 'uint', 2: 'int', 3: 'float' }[tags.sampleFormat];
  if (kind === undefined || (kind === 'float' ? bits < 32 : bits > 32)) return undefined;
  return sampleType(`${kind}${bits}`);
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
  const type = blockSampleType(tags);
  if (endianness() !== 'LE' || !COPYABLE_COMPRESSIONS.has(tags.compression) || type === undefined) return null;
  if (sample === null ? !chunky && samplesPerPixel > 1 : chunky && samplesPerPixel > 1) return null;
  const samples = sample === null ? samplesPerPixel : 1;
  const pixelBytes = type.bytes * samples;
  const [width, height] = [image.getWidth(), image.getHeight()];
  const [tileWidth, tileHeight] = [image.getTileWidth(), image.getTileHeight()];
  const decoder = await getDecoder(tags.compression, {
    tileWidth,
    tileHeight,
    planarConfiguration: image.planarConfiguration,
    bitsPerSample: tags.bitsPerSample,
    predictor: tags.predictor,
  } as Parameters<typeof getDecoder>[1]);
  const values = sampleArray(type, width * height * samples);
  const layout = { pixelStride: pixelBytes, rowStride: tileWidth * pixelBytes, sampleOffset: 0 };
  const blocks: Promise<void>[] = [];
  for (let y = 0; y < Math.ceil(height / tileHeight); y++) {
    for (let x = 0; x < Math.ceil(width / tileWidth); x++) {
      const block = image.getTileOrStrip(x, y, sample ?? 0, decoder).then(({ data }) => {
        const bytes = new Uint8Array(data);
        const rows = Math.min(image.getBlockHeight(y), height - y * tileHeight);
        const rowBytes = Math.min(tileWidth, width - x * tileWidth) * pixelBytes;
        if (bytes.length < (rows - 1) * layout.rowStride + rowBytes)
          throw new TiffReadError(`strip or tile (${x}, ${y}) decodes to ${bytes.length} bytes, fewer than it holds`);
        const place = { x: x * tileWidth, y: y * tileHeight, width: tileWidth, height: rows };
        copyTile(values, { width, height, samples, type }, bytes, place, layout);
      });
      blocks.push(block);
    }
  }
  await Promise.all(blocks);
  // copied as stored; big-endian samples turned round in one pass
  if (!image.littleEndian && type.bytes > 1) swapBytes(new Uint8Array(values.buffer), type.bytes);
  return values;
}

/** Turns big-endian samples of `size` bytes into the host's (little-endian) order, in place. */
function swapBytes(bytes: Uint8Array, size: number): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (size === 2) buffer.swap16();
  else if (size === 4) buffer.swap32();
  else buffer.swap64();
}
