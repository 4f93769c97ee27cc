import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, fuzzRun } from '../../../fuzz/fuzz-run';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

describe('fuzzing the TIFF header reader (bounded run; `npm run fuzz` runs longer)', () => {
  it('only ever resolves or rejects with its own errors, within its read budget and bounded memory', async () => {
    const report = await fuzzRun('tiff', fixtureFiles(FIXTURES, 'tiff'), 20261122, 3_000);
    expect(
      report.findings.map(({ fixture, how, index, message }) => `#${index} ${fixture} (${how}): ${message}`),
    ).toEqual([]);
    // The mutants exercise both outcomes, so the run is not all-rejected noise.
    expect(report.accepted).toBeGreaterThan(300);
    expect(report.rejected).toBeGreaterThan(300);
    expect(report.maxCaseMemory).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
