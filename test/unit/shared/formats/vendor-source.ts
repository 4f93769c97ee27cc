/**
 * Test helpers for the vendor readers: fixture bytes, a source that records what is read, and
 * the expected values written by build/scripts/make-formats-expected.py.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ByteSource } from '../../../../shared/tiff/types';

/** Folder of the vendor-format fixtures. */
export const FORMAT_FIXTURES = path.resolve(__dirname, '../../../fixtures/formats');

/** A source over bytes that fails reads past the end and records every range read. */
export interface RecordingSource extends ByteSource {
  bytesRead: number;
  ranges: [number, number][];
}

/** A recording source over `bytes`. */
export function recordingSource(bytes: Uint8Array): RecordingSource {
  const source: RecordingSource = {
    size: bytes.length,
    bytesRead: 0,
    ranges: [],
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length)
        throw new Error(`read past end: ${offset}+${length}`);
      source.bytesRead += length;
      source.ranges.push([offset, offset + length]);
      return bytes.slice(offset, offset + length);
    },
  };
  return source;
}

/** The bytes of a fixture, by its path relative to test/fixtures/formats. */
export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FORMAT_FIXTURES, relative)));
}

/** One fixture's entry in expected.json. */
export interface ExpectedFormat {
  format: string;
  header: Record<string, string | number>;
  calibration_um: { x: number; y: number } | null;
  acqstore_calibration?: Record<string, [number, string]>;
  planes: { c: number; z: number; t: number };
  images: { name: string; shape: string; dims: string; dtype: string }[];
  acquisition: Record<string, unknown>;
  compression?: string;
  plane0_subblocks?: number[];
  attachments?: string[];
  frame0_offset?: number;
  block0?: { offset: number; size: number };
}

/** expected.json by fixture path (`czi/x.czi`). */
export const EXPECTED: Record<string, ExpectedFormat> = JSON.parse(
  readFileSync(path.join(FORMAT_FIXTURES, 'expected.json'), 'utf8'),
);

/** A deep copy with every number rounded to 12 significant digits (float noise of unit conversions). */
export function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_, v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
  ) as T;
}
