/**
 * Test helpers for the archival OME-XML: xmllint against OME's 2016-06 XSD (bundled in
 * test/fixtures/ome-schema/, its import of xml.xsd resolved by the catalogue beside it, no
 * network), and archival images made from an acquisition.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import type { ArchivalImage, ArchivalPixels } from '../../../../shared/ome-tiff';

const SCHEMA = path.resolve(__dirname, '../../../fixtures/ome-schema');

/** xmllint's verdict on `xml` against ome.xsd: its exit code and what it printed. */
export function xmllintOme(xml: string): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(SCHEMA, 'ome.xsd'), '-'], {
    input: xml,
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: path.join(SCHEMA, 'catalog.xml') },
  });
  if (run.error !== undefined) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** An archival image of `acquisition` with `pixels` (one uint16 plane of 4 × 3 unless given). */
export function archivalImage(acquisition: Acquisition, pixels: Partial<ArchivalPixels> = {}): ArchivalImage {
  return {
    name: 'image.czi',
    pixels: { width: 4, height: 3, samples: 1, dtype: 'uint16', sizeC: 1, sizeZ: 1, sizeT: 1, ...pixels },
    acquisition,
    physicalSizeUm: {
      x: acquisition.pixel_size_um?.x ?? null,
      y: acquisition.pixel_size_um?.y ?? null,
      z: acquisition.pixel_size_um?.z ?? null,
    },
    experimental: [['genotype', 'WT']],
    instrumentMatch: [],
    source: { name: 'image.czi', bytes: 1234, sha256: 'ab'.repeat(32) },
    converter: 'AcqMeta 0.1.0',
  };
}

/** Whether every character of `text` is printable ASCII or a line break or tab. */
export function isAscii(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code > 0x7e || (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r')) return false;
  }
  return true;
}
