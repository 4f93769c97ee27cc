/**
 * Test helpers: a {@link ByteSource} over bytes in memory that counts what is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ByteSource } from '../../../../shared/tiff/types';

/** Folder of the TIFF fixtures. */
export const FIXTURES = path.resolve(__dirname, '../../../fixtures/tiff');

/** A source over `bytes` that fails reads past the end, like the file source does. */
export function memorySource(bytes: Uint8Array): ByteSource & { reads: number; bytesRead: number } {
  const source = {
    size: bytes.length,
    reads: 0,
    bytesRead: 0,
    read(offset: number, length: number): Uint8Array {
      if (offset < 0 || length < 0 || offset + length > bytes.length)
        throw new Error(`read past end: ${offset}+${length}`);
      source.reads++;
      source.bytesRead += length;
      return bytes.slice(offset, offset + length);
    },
  };
  return source;
}

/** A source over a fixture file, by its path relative to test/fixtures/tiff. */
export function fixtureSource(relative: string): ByteSource & { reads: number; bytesRead: number } {
  return memorySource(new Uint8Array(readFileSync(path.join(FIXTURES, relative))));
}
