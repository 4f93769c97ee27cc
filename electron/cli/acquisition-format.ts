/**
 * How an image's acquisition metadata looks on the command line: the short block `show` prints
 * (the `acquisition` object of the JSON records is shared/scan-record.ts's).
 */
import { acquisitionLines as detailLines, disagreementTexts } from '../../shared/acquisition/acquisition-details';
import type { Acquisition } from '../../shared/acquisition/acquisition-types';

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
