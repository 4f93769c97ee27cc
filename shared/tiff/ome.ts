/**
 * OME-XML, read with the strict XML parser of `xml.ts` into the few parts the header needs:
 * images with their Pixels (dimensions, type, physical size), channels and TiffData.
 */
import { childrenNamed, parseXml, type XmlElement } from './xml';

/** One `TiffData` element: which IFDs hold which planes, possibly in another file. */
export interface OmeTiffData {
  attributes: Record<string, string>;
  /** The first UUID child: its text and FileName, if any. */
  uuid: { text: string | null; fileName: string } | null;
}

/** One `Pixels` element. */
export interface OmePixels {
  attributes: Record<string, string>;
  /** SamplesPerPixel of each Channel, in order (undefined where not given). */
  channelSamples: (string | undefined)[];
  tiffData: OmeTiffData[];
}

/** One `Image` element. */
export interface OmeImage {
  acquisitionDate: string | null;
  pixels: OmePixels[];
}

/** The parts of an OME document the reader uses. */
export interface OmeDocument {
  uuid: string | null;
  /** A BinaryOnly file keeps its metadata elsewhere: it has no series of its own. */
  binaryOnly: boolean;
  images: OmeImage[];
  /** The whole document, for the acquisition reader. */
  root: XmlElement;
}

/** Parses OME-XML; null when it is not well-formed XML with an OME root. */
export function parseOme(xml: string): OmeDocument | null {
  const root = parseXml(xml);
  if (root === null || root.name !== 'OME') return null;
  const images = childrenNamed(root, 'Image').map((image) => ({
    acquisitionDate: childrenNamed(image, 'AcquisitionDate')[0]?.text ?? null,
    pixels: childrenNamed(image, 'Pixels').map((pixels) => ({
      attributes: pixels.attributes,
      channelSamples: childrenNamed(pixels, 'Channel').map((channel) => channel.attributes.SamplesPerPixel),
      tiffData: childrenNamed(pixels, 'TiffData').map((data) => {
        const uuid = childrenNamed(data, 'UUID')[0];
        return {
          attributes: data.attributes,
          uuid: uuid === undefined ? null : { text: uuid.text || null, fileName: uuid.attributes.FileName ?? '' },
        };
      }),
    })),
  }));
  return { uuid: root.attributes.UUID ?? null, binaryOnly: childrenNamed(root, 'BinaryOnly').length > 0, images, root };
}

/** Python's `int()` of an attribute; throws like Python on anything else. */
export function omeInt(value: string | undefined, name: string): number {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) {
    throw new Error(`invalid OME-XML: ${name} is ${value === undefined ? 'missing' : `"${value}"`}`);
  }
  return Number.parseInt(value, 10);
}

/** numpy dtype of an OME pixel type. */
export function omeDtype(type: string | undefined): string {
  const types: Record<string, string> = {
    float: 'float32',
    double: 'float64',
    bit: 'bool',
    complex: 'complex64',
    'double-complex': 'complex128',
  };
  return type === undefined ? 'float64' : (types[type] ?? type);
}
