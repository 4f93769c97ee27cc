/**
 * Test helper: the vendor fixtures' reference planes (expected-planes.json, written by
 * build/scripts/make-vendor-planes.py from an independent reader), and the hash they are
 * compared by.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SampleArray } from '../../../../../electron/services/tiff';
import { FORMAT_FIXTURES } from '../../../shared/formats/vendor-source';

/** One reference plane: where it is, its shape and type, its summary, some pixels and its hash. */
export interface ExpectedPlane {
  c: number;
  z: number;
  t: number;
  width: number;
  height: number;
  samples: number;
  dtype: string;
  min: number;
  max: number;
  sum: number;
  spots: { x: number; y: number; values: number[] }[];
  sha256: string;
  stream?: string;
}

/** The reference planes of each fixture, by its path under FORMAT_FIXTURES. */
export const EXPECTED_PLANES: Record<string, ExpectedPlane[]> = JSON.parse(
  readFileSync(path.join(FORMAT_FIXTURES, 'expected-planes.json'), 'utf8'),
);

/** SHA-256 of decoded samples' bytes, lower-case hex (the reference planes' `sha256`). */
export const samplesSha256 = (values: SampleArray): string =>
  createHash('sha256')
    .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
    .digest('hex');
