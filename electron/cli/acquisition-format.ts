/**
 * How an image's acquisition metadata looks on the command line: the `acquisition` object of
 * `show --json` and `scan --json` (keys in a fixed order, absent when unknown) and the short
 * block `show` prints.
 */
import { acquisitionLines as detailLines, disagreementTexts } from '../../shared/acquisition/acquisition-details';
import type { Acquisition } from '../../shared/acquisition/acquisition-types';

/** The JSON contract's keys, in the order they are written. */
const KEYS = [
  'instrument',
  'objective',
  'channels',
  'pixel_size_um',
  'storage',
  'time_increment_s',
  'acquired_at',
  'software',
  'written_by',
  'sources',
  'origins',
  'disagreements',
  'problems',
] as const;

/** The `acquisition` object of a JSON record: the model's keys in a fixed order, absent ones left out. */
export function acquisitionRecord(acquisition: Acquisition): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of KEYS) if (acquisition[key] !== undefined) record[key] = acquisition[key];
  return record;
}

/** The `Acquisition` block of `show`: the editor's details, one line per known value, then disagreements and problems. */
export function acquisitionLines(acquisition: Acquisition | undefined): string[] {
  if (acquisition === undefined) return ['', 'Acquisition: (none recorded)'];
  const known = detailLines(acquisition);
  const width = Math.max(0, ...known.map(({ label }) => label.length));
  const lines = ['', `Acquisition (from ${acquisition.sources.join(', ') || 'no flavour'})`];
  lines.push(...known.map(({ label, value }) => `  ${label.padEnd(width)}  ${value}`));
  for (const text of disagreementTexts(acquisition)) lines.push(`  Disagree: ${text}`);
  for (const problem of acquisition.problems ?? []) lines.push(`  Problem: ${problem}`);
  return lines;
}
