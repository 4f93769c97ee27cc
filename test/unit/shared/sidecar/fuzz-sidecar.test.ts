import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, fuzzRun } from '../../../fuzz/fuzz-run';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

describe('fuzzing the sidecar reader (bounded run; `npm run fuzz` runs longer)', () => {
  it('never throws, and every readable mutant keeps its bytes untouched and takes an edit', async () => {
    const report = await fuzzRun('sidecar', fixtureFiles(FIXTURES, 'sidecar'), 20261122, 1_500);
    expect(
      report.findings.map(({ fixture, how, index, message }) => `#${index} ${fixture} (${how}): ${message}`),
    ).toEqual([]);
    expect(report.accepted).toBeGreaterThan(100);
    expect(report.rejected).toBeGreaterThan(100);
    expect(report.maxCaseMemory).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);
});
