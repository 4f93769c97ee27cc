/**
 * The images a LIF's XML header describes: every `Element` whose `Data` holds an `Image`, in
 * document order (readlif's and Bio-Formats' order), with its dimensions (`DimID` 1 X, 2 Y,
 * 3 Z, 4 T, 5 and 9 wavelength sweeps, 10 mosaic tiles), channels, memory block and timestamps.
 * AcqMeta's header of a LIF image: the plane is the first two stored dimensions (X and Y, or
 * X and Z for an xz scan); the other axes come first in T, M, C, Z, Y order, the plane's slow
 * axis then its fast axis last; axes of length 1 are dropped except the plane's.
 */
import type { XmlElement } from '../tiff/xml';
import { fail } from './bytes';
import { all, at, child, numberOf } from './xml-tools';

/** One stored dimension. */
export interface LifDimension {
  id: number;
  letter: string;
  count: number;
  /** Physical extent from the first to the last element, in `unit`. */
  length: number | undefined;
  unit: string;
  bytesInc: number;
}

/** One image element. */
export interface LifImage {
  /** The element's path below the file's root element, `/`-separated. */
  name: string;
  element: XmlElement;
  dims: LifDimension[];
  channels: { bytesInc: number; bits: number; float: boolean }[];
  memoryId: string;
  memorySize: number;
}

const LETTERS: Readonly<Record<number, string>> = { 1: 'X', 2: 'Y', 3: 'Z', 4: 'T', 5: 'C', 9: 'C', 10: 'M' };
const MAX_IMAGES = 100_000;
const MAX_DEPTH = 256;

/**
 * The dimension a `DimensionDescription` of image `name` gives; fails saying which attribute is
 * wrong, what the file gives and what it must be when its element count or byte step is unusable.
 */
function dimensionOf(d: XmlElement, name: string): LifDimension {
  const dimension = {
    id: Number(d.attributes.DimID),
    letter: LETTERS[Number(d.attributes.DimID)] ?? `D${d.attributes.DimID ?? ''}`,
    count: Number(d.attributes.NumberOfElements),
    length: numberOf(d.attributes.Length),
    unit: d.attributes.Unit ?? '',
    bytesInc: Number(d.attributes.BytesInc ?? 0),
  };
  const given = (attribute: string): string => {
    const text = d.attributes[attribute];
    if (text === undefined) return `no ${attribute}`;
    return `${attribute}="${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  };
  const what = `LIF image ${name}: its ${dimension.letter} dimension gives`;
  if (!Number.isSafeInteger(dimension.count) || dimension.count < 1)
    fail(`${what} ${given('NumberOfElements')}; its number of elements must be a whole number, 1 or more`);
  if (!Number.isSafeInteger(dimension.bytesInc) || dimension.bytesInc < 0)
    fail(`${what} ${given('BytesInc')}; the bytes between its elements must be a whole number, 0 or more`);
  return dimension;
}

function imageOf(element: XmlElement, name: string): LifImage {
  const description = at(element, 'Data/Image/ImageDescription');
  const dims = all(description, 'Dimensions/DimensionDescription').map((d) => dimensionOf(d, name));
  const channels = all(description, 'Channels/ChannelDescription').map((c) => ({
    bytesInc: Number(c.attributes.BytesInc ?? 0),
    bits: Number(c.attributes.Resolution ?? 8),
    float: c.attributes.DataType === '1',
  }));
  const memory = child(element, 'Memory');
  return {
    name,
    element,
    dims,
    channels,
    memoryId: memory?.attributes.MemoryBlockID ?? '',
    memorySize: Number(memory?.attributes.Size ?? 0),
  };
}

/** Every image of the file in document order (an element before its children). */
export function lifImages(root: XmlElement): LifImage[] {
  const out: LifImage[] = [];
  const top = child(root, 'Element');
  if (top === undefined) return out;
  const stack: { element: XmlElement; path: string; depth: number }[] = all(top, 'Children/Element')
    .reverse()
    .map((element) => ({ element, path: element.attributes.Name ?? '', depth: 1 }));
  if (at(top, 'Data/Image') !== undefined) out.push(imageOf(top, top.attributes.Name ?? ''));
  while (stack.length > 0) {
    const { element, path, depth } = stack.pop() as (typeof stack)[number];
    if (depth > MAX_DEPTH) fail(`the LIF element tree nests deeper than ${MAX_DEPTH} levels`);
    if (at(element, 'Data/Image') !== undefined) {
      if (out.length >= MAX_IMAGES) fail(`the LIF file describes more than ${MAX_IMAGES} images`);
      out.push(imageOf(element, path));
    }
    const children = all(element, 'Children/Element');
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i] as XmlElement;
      stack.push({ element: c, path: `${path}/${c.attributes.Name ?? ''}`, depth: depth + 1 });
    }
  }
  return out;
}

/** The dtype of an image's samples (the widest channel). */
export function lifDtype(image: LifImage): string {
  const bits = Math.max(8, ...image.channels.map((c) => c.bits));
  if (image.channels.some((c) => c.float)) return bits > 32 ? 'float64' : 'float32';
  return bits <= 8 ? 'uint8' : bits <= 16 ? 'uint16' : 'uint32';
}

/** Bytes of one sample. */
export function lifSampleBytes(image: LifImage): number {
  return Number(lifDtype(image).replace(/\D/g, '')) / 8;
}

/** The header's dimensions of an image: [letter, size] in AcqMeta's LIF order (module comment). */
export function lifSizes(image: LifImage): [string, number][] {
  const plane = image.dims.slice(0, 2);
  const rest = image.dims.slice(2);
  const size = (letter: string): number => rest.filter((d) => d.letter === letter).reduce((n, d) => n * d.count, 1);
  const channels = Math.max(image.channels.length, 1) * size('C');
  const out: [string, number][] = [
    ['T', size('T')],
    ['M', size('M')],
    ['C', channels],
    ['Z', size('Z')],
    ['Y', size('Y')],
  ];
  const kept = out.filter(([, n]) => n > 1);
  for (const d of [...plane].reverse()) kept.push([d.letter, d.count]);
  return kept;
}
