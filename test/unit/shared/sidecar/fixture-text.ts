/** Test helpers: the sidecar fixtures of test/fixtures/sidecars and a line diff. */
import { readFileSync } from 'node:fs';

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
