/** Test helpers: the sidecar fixtures of test/fixtures/sidecars, their header, and a line diff. */
import { readFileSync } from 'node:fs';
import type { HeaderValues } from '../../../../shared/api';

/** The header of the format doc's example image (a 2-channel 512x512 uint16 ImageJ TIFF), no date. */
export const IMAGEJ_2CH_HEADER: HeaderValues = {
  shape: '(2, 512, 512)',
  dims: "('C', 'Y', 'X')",
  sizes: "{'C': 2, 'Y': 512, 'X': 512}",
  dtype: 'uint16',
  num_channels: 2,
  num_scenes: 1,
  date: '',
  time: '',
};

/** The text of a fixture in test/fixtures/sidecars (UTF-8, as written by Python). */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../../fixtures/sidecars/${name}`, import.meta.url), 'utf8');
}

/** Lines that differ between two texts of the same line count; throws when the counts differ. */
export function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed from ${a.length} to ${b.length}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [{ line: i + 1, before: line, after: b[i] ?? '' }]));
}
