/**
 * OME-XML, read with a real XML parser (fast-xml-parser) into the few parts the header needs:
 * images with their Pixels (dimensions, type, physical size), channels and TiffData.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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
}

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(['Image', 'Pixels', 'Channel', 'TiffData', 'UUID']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  textNodeName: '#text',
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAYS.has(name),
});

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.map(asNode) : value === undefined ? [] : [asNode(value)];
}

function attributes(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) if (typeof value === 'string' && key !== '#text') out[key] = value;
  return out;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const inner = asNode(value)['#text'];
  return typeof inner === 'string' || typeof inner === 'number' ? String(inner) : null;
}

/** Parses OME-XML; null when it is not well-formed XML with an OME root. */
export function parseOme(xml: string): OmeDocument | null {
  if (XMLValidator.validate(xml) !== true) return null;
  const root = asNode(parser.parse(xml)).OME;
  if (root === undefined) return null;
  const ome = asNode(root);
  const uuid = typeof ome.UUID === 'string' ? ome.UUID : null;
  const images = nodes(ome.Image).map((image) => ({
    acquisitionDate: text(image.AcquisitionDate),
    pixels: nodes(image.Pixels).map((pixels) => ({
      attributes: attributes(pixels),
      channelSamples: nodes(pixels.Channel).map((channel) => attributes(channel).SamplesPerPixel),
      tiffData: nodes(pixels.TiffData).map((data) => {
        const uuid: unknown = Array.isArray(data.UUID) ? data.UUID[0] : data.UUID;
        return {
          attributes: attributes(data),
          uuid: uuid === undefined ? null : { text: text(uuid) || null, fileName: attributes(asNode(uuid)).FileName ?? '' },
        };
      }),
    })),
  }));
  return { uuid, binaryOnly: ome.BinaryOnly !== undefined, images };
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
  const types: Record<string, string> = { float: 'float32', double: 'float64', bit: 'bool', complex: 'complex64', 'double-complex': 'complex128' };
  return type === undefined ? 'float64' : (types[type] ?? type);
}
