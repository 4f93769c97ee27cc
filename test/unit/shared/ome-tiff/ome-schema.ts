/**
 * Test helpers for the archival OME-XML: xmllint against OME's 2016-06 XSD (bundled in
 * test/fixtures/ome-schema/, its import of xml.xsd resolved by the catalogue beside it, no
 * network), archival images made from an acquisition, and a vendor fixture's as its reader reads it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import { readVendorHeader } from '../../../../shared/formats';
import type { ArchivalDtype, ArchivalImage, ArchivalPixels } from '../../../../shared/ome-tiff';
import { fixtureBytes } from '../formats/vendor-source';
import { memorySource } from '../tiff/memory-source';

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

/** The pixels of an image as its summary gives them (dims `('T', 'C', 'Y', 'X')`, shape `(2, 3, 64, 64)`). */
function pixelsOf(image: { dims: string; shape: string; dtype: string }): Partial<ArchivalPixels> {
  const dims: string[] = image.dims.match(/[A-Z]/g) ?? [];
  const shape = (image.shape.match(/\d+/g) ?? []).map(Number);
  const size = (dim: string): number => shape[dims.indexOf(dim)] ?? 1;
  return {
    width: size('X'),
    height: size('Y'),
    samples: size('S'),
    dtype: image.dtype as ArchivalDtype,
    sizeC: size('C'),
    sizeZ: size('Z'),
    sizeT: size('T'),
  };
}

/** A vendor fixture's acquisition and first image, read with the vendor readers. */
export function vendorCase(name: string): [Acquisition, Partial<ArchivalPixels>] {
  const header = readVendorHeader(memorySource(fixtureBytes(name)), path.basename(name));
  return [header.acquisition, pixelsOf(header.images[0] as { dims: string; shape: string; dtype: string })];
}
