/**
 * The archival OME-XML against OME's own 2016-06 XSD (xmllint): for the acquisition of every
 * fixture that has one, as AcqMeta's readers read it (the vendor files of formats/expected.json
 * with their first image's shape; the OME, LSM, ScanImage and ImageJ files of
 * acquisition/expected.json), for an RGB image, and for hostile text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { archivalOmeXml, type ArchivalPixels } from '../../../../shared/ome-tiff';
import { readTiffHeader } from '../../../../shared/tiff';
import { parseXml, type XmlElement } from '../../../../shared/tiff/xml';
import { memorySource } from '../tiff/memory-source';
import { archivalImage, isAscii, vendorCase, xmllintOme } from './ome-schema';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

/** The fixtures of an expected.json whose acquisition is not null. */
function withAcquisition(relative: string): string[] {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, relative), 'utf8')) as Record<string, unknown>;
  return Object.entries(expected)
    .filter(([, entry]) => entry !== null && (entry as { acquisition?: unknown }).acquisition !== null)
    .map(([name]) => name);
}

/** A TIFF or OME-XML fixture's acquisition, read as the acquisition tests read it, with one channel plane each. */
async function acquisitionCase(name: string): Promise<[Acquisition, Partial<ArchivalPixels>]> {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
  let acquisition: Acquisition | undefined;
  if (name.endsWith('.xml')) {
    const root = parseXml(new TextDecoder().decode(bytes));
    if (root === null) throw new Error(`${name} is not XML`);
    acquisition = omeAcquisition(root);
  } else acquisition = (await readTiffHeader(memorySource(bytes), { fileName: path.basename(name) })).acquisition;
  if (acquisition === undefined) throw new Error(`${name} has no acquisition`);
  return [acquisition, { sizeC: Math.max(1, acquisition.channels?.length ?? 1) }];
}

const VENDOR = withAcquisition('formats/expected.json');
const OTHERS = withAcquisition('acquisition/expected.json');

/** Asserts `xml` is ASCII and xmllint finds it valid. */
function expectValid(xml: string): void {
  expect(isAscii(xml)).toBe(true);
  const verdict = xmllintOme(xml);
  expect(verdict.output).toContain('- validates');
  expect(verdict.status).toBe(0);
}

/** The `M` values of the MapAnnotation in `namespace`, as pairs. */
function mapPairs(root: XmlElement, namespace: string): [string, string][] {
  const annotations = root.children.find((child) => child.name === 'StructuredAnnotations');
  const map = annotations?.children.find((child) => child.attributes.Namespace === namespace);
  return (map?.children[0]?.children ?? []).map((m) => [m.attributes.K ?? '', m.text]);
}

describe('the archival OME-XML validates against the OME 2016-06 schema', () => {
  it('covers the vendor formats and the OME, LSM and ScanImage fixtures', () => {
    const names = [...VENDOR, ...OTHERS];
    for (const start of [
      'czi/',
      'lif/',
      'nd2/',
      'oib/',
      'acquisition/ome-xml/',
      'acquisition/scanimage/',
      'tiff/zeiss/',
    ])
      expect(names.some((name) => name.startsWith(start))).toBe(true);
  });

  it.each(VENDOR)('%s (vendor reader)', (name) => {
    expectValid(archivalOmeXml(archivalImage(...vendorCase(name))));
  });

  it.each(OTHERS)('%s (TIFF or OME-XML reader)', async (name) => {
    expectValid(archivalOmeXml(archivalImage(...(await acquisitionCase(name)))));
  });

  it('xmllint refuses what the schema forbids (the check is not vacuous)', () => {
    const objective = { name: 'Plan-Apochromat 20x/0.8', immersion: 'Air' };
    const xml = archivalOmeXml(archivalImage({ sources: [], objective }));
    expect(xmllintOme(xml).status).toBe(0);
    expect(xmllintOme(xml.replace('Immersion="Air"', 'Immersion="Syrup"')).status).not.toBe(0);
    expect(xmllintOme(xml.replace('DimensionOrder="XYCZT"', 'DimensionOrder="CZTXY"')).status).not.toBe(0);
  });

  it('an RGB uint8 image: one channel of 3 interleaved samples, SizeC 3', () => {
    const xml = archivalOmeXml(
      archivalImage({ sources: [], channels: [{ name: 'RGB' }] }, { dtype: 'uint8', samples: 3, sizeC: 1 }),
    );
    expect(xmllintOme(xml).status).toBe(0);
    const pixels = parseXml(xml)?.children.find((child) => child.name === 'Image')?.children[0];
    expect(pixels?.attributes).toMatchObject({ Type: 'uint8', SizeC: '3', Interleaved: 'true', BigEndian: 'false' });
    expect(pixels?.children.filter((child) => child.name === 'Channel').map((c) => c.attributes)).toEqual([
      { ID: 'Channel:0:0', Name: 'RGB', SamplesPerPixel: '3' },
    ]);
  });

  it('hostile text: escaped, control characters dropped, non-ASCII as character references', () => {
    const hostile = 'a<b>&c "d" \'e\'\u0000\u0001\u001b\u007f\u0085 µm 温度 🐭\ud800 tab\there\r\nnext';
    const image = archivalImage({
      sources: [],
      software: 'Zen & "co" <3',
      channels: [{ name: '<GFP>', fluor: 'µ"&' }],
    });
    image.name = hostile;
    image.experimental = [
      ['genotype', hostile],
      ['key <&"\n>', 'value'],
    ];
    image.instrumentMatch = [['objective', 'Plan-Apo µ']];
    image.converter = 'AcqMeta "&" <0.1>';
    const xml = archivalOmeXml(image);
    expect(isAscii(xml)).toBe(true);
    expect(xml).toContain('&#xB5;m');
    expect(xmllintOme(xml).status).toBe(0);
    const root = parseXml(xml);
    if (root === null) throw new Error('not XML');
    const kept = 'a<b>&c "d" \'e\' µm 温度 🐭 tab\there\r\nnext';
    expect(root.attributes.Creator).toBe('AcqMeta "&" <0.1>');
    expect(root.children.find((child) => child.name === 'Image')?.attributes.Name).toBe(kept);
    expect(mapPairs(root, 'acqmeta.org/experimental')).toEqual([
      ['genotype', kept],
      ['key <&"\n>', 'value'],
    ]);
    expect(mapPairs(root, 'acqmeta.org/instrument-match')).toEqual([['objective', 'Plan-Apo µ']]);
    expect(mapPairs(root, 'acqmeta.org/source')).toEqual([
      ['file name', 'image.czi'],
      ['size (bytes)', '1234'],
      ['SHA-256', 'ab'.repeat(32)],
      ['acquisition software', 'Zen & "co" <3'],
      ['converted by', 'AcqMeta "&" <0.1>'],
    ]);
  });
});
