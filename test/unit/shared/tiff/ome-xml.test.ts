import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readTiffHeader } from '../../../../shared/tiff';
import { parseOme, type OmeDocument } from '../../../../shared/tiff/ome';
import { parseXml } from '../../../../shared/tiff/xml';
import { fixtureSource } from './memory-source';

/** The OME reading as it was done with fast-xml-parser: the reference the own parser must match. */
function referenceOme(xml: string): Omit<OmeDocument, 'root'> | null {
  type Node = Record<string, unknown>;
  if (XMLValidator.validate(xml) !== true) return null;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    textNodeName: '#text',
    isArray: (name, _path, _leaf, isAttribute) =>
      !isAttribute && ['Image', 'Pixels', 'Channel', 'TiffData', 'UUID'].includes(name),
  });
  const asNode = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
  const nodes = (value: unknown): Node[] =>
    Array.isArray(value) ? value.map(asNode) : value === undefined ? [] : [asNode(value)];
  const attributes = (node: Node): Record<string, string> =>
    Object.fromEntries(
      Object.entries(node).filter(([key, value]) => typeof value === 'string' && key !== '#text' && key !== 'xmlns'),
    ) as Record<string, string>;
  const text = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    const inner = asNode(value)['#text'];
    return typeof inner === 'string' ? inner : null;
  };
  const root = asNode(parser.parse(xml)).OME;
  if (root === undefined) return null;
  const ome = asNode(root);
  return {
    uuid: typeof ome.UUID === 'string' ? ome.UUID : null,
    binaryOnly: ome.BinaryOnly !== undefined,
    images: nodes(ome.Image).map((image) => ({
      acquisitionDate: text(image.AcquisitionDate),
      pixels: nodes(image.Pixels).map((pixels) => ({
        attributes: attributes(pixels),
        channelSamples: nodes(pixels.Channel).map((channel) => attributes(channel).SamplesPerPixel),
        tiffData: nodes(pixels.TiffData).map((data) => {
          const uuid: unknown = Array.isArray(data.UUID) ? data.UUID[0] : data.UUID;
          return {
            attributes: attributes(data),
            uuid:
              uuid === undefined
                ? null
                : { text: text(uuid) || null, fileName: attributes(asNode(uuid)).FileName ?? '' },
          };
        }),
      })),
    })),
  };
}

const FIXTURES = [
  'bioformats/multi-channel.ome.tif',
  'generated/multifile-master.ome.tif',
  'generated/multifile-part2.ome.tif',
  'generated/ome-2-series.ome.tif',
  'generated/ome-3ch-u16.ome.tif',
  'generated/ome-bigtiff-f32.ome.tif',
  'generated/ome-pyramid.ome.tif',
  'generated/ome-rgb.ome.tif',
  'generated/ome-tzcyx-u8.ome.tif',
];

async function descriptionOf(name: string): Promise<string> {
  return (await readTiffHeader(fixtureSource(name))).description.text;
}

/** What {@link referenceOme} compares: the document without its parsed tree. */
function ourOme(xml: string): Omit<OmeDocument, 'root'> | null {
  const document = parseOme(xml);
  if (document === null) return null;
  const { root, ...parts } = document;
  expect(root.name).toBe('OME');
  return parts;
}

/** Edited variants of a document that the reference library reads like XML 1.0 does. */
function variants(xml: string): string[] {
  const out: string[] = [];
  for (const fraction of [0.1, 0.35, 0.5, 0.77, 0.99]) out.push(xml.slice(0, Math.floor(xml.length * fraction)));
  out.push(
    xml.replace('<Pixels', '<!-- a comment --><Pixels'),
    xml.replace('<Pixels', '<?pi some data?><Pixels'),
    xml.replace(/DimensionOrder="(\w+)"/, "DimensionOrder='$1'"),
    xml.replace(/DimensionOrder="(\w+)"/, 'DimensionOrder=$1'),
    xml.replace(/DimensionOrder="(\w+)"/, 'DimensionOrder="$1" DimensionOrder="$1"'),
    xml.replace(/DimensionOrder="(\w+)"/, 'DimensionOrder="&lt;$1&gt;&amp;"'),
    xml.replace(/DimensionOrder="(\w+)"/, 'DimensionOrder="$1"Type="x"'),
    xml.replace('</Pixels>', '</Pixel>'),
    xml.replace('</Image>', ''),
    xml.replace('<Image', '<ome:Image').replace('</Image>', '</ome:Image>'),
    `${xml} trailing text`,
    `<!DOCTYPE OME [ <!ELEMENT OME ANY> ]>${xml}`,
    xml.replace(
      /<AcquisitionDate>[^<]*<\/AcquisitionDate>/,
      '<AcquisitionDate><![CDATA[2020-01-02T03:04:05]]></AcquisitionDate>',
    ),
    xml.replace('<Image ', '<Image\u0001 '),
  );
  return out;
}

/**
 * Variants that are not well-formed XML 1.0, which tifffile's parser (expat) rejects but the
 * reference library lets through.
 */
function notWellFormed(xml: string): string[] {
  return [
    xml.replace('<Pixels', '<!-- a -- comment --><Pixels'),
    xml.replace(/DimensionOrder="(\w+)"/, 'DimensionOrder="$1&nbsp;"'),
    xml.replace(/DimensionOrder="(\w+)"/, 'DimensionOrder="a<b"'),
    `${xml}<OME/>`,
    `<!-- first -->${xml}`.replace('<OME', '<?xml version="1.0"?><OME'),
  ];
}

describe('the OME-XML parser', () => {
  it.each(FIXTURES)('%s: reads what the reference XML library reads', async (name) => {
    const xml = await descriptionOf(name);
    const ours = ourOme(xml);
    expect(ours).not.toBeNull();
    expect(ours).toEqual(referenceOme(xml));
  });

  it.each(FIXTURES)('%s: agrees with the reference on broken and edited variants', async (name) => {
    for (const variant of variants(await descriptionOf(name))) {
      expect({ variant, ours: ourOme(variant) }).toEqual({ variant, ours: referenceOme(variant) });
    }
  });

  it.each(FIXTURES)('%s: rejects variants that are not well-formed', async (name) => {
    for (const variant of notWellFormed(await descriptionOf(name)))
      expect({ variant, ours: ourOme(variant) }).toEqual({ variant, ours: null });
  });

  it('rejects what is not well-formed and keeps text and attributes decoded', () => {
    expect(parseXml('<a><b></a></b>')).toBeNull();
    expect(parseXml('<a x="1" x="2"/>')).toBeNull();
    expect(parseXml('<a>&unknown;</a>')).toBeNull();
    expect(parseXml('<a/><b/>')).toBeNull();
    expect(parseXml('')).toBeNull();
    expect(parseXml('<a k="&#65;&#x42;"/>')?.attributes).toEqual({ k: 'AB' });
    expect(parseXml('<?xml version="1.0"?>\n<p:a xmlns:p="urn:x" p:k="&quot;v&apos;"> t &amp; u <b/></p:a>')).toEqual({
      name: 'a',
      attributes: { k: '"v\'' },
      text: 't & u',
      children: [{ name: 'b', attributes: {}, text: '', children: [] }],
    });
  });
});
