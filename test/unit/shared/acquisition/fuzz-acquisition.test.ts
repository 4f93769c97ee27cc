import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, fuzzRun } from '../../../fuzz/fuzz-run';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

describe('fuzzing the acquisition metadata of TIFFs (bounded run; `npm run fuzz` runs longer)', () => {
  it('the header reads or fails with its own error, and any acquisition it reports is well formed', async () => {
    const files = fixtureFiles(FIXTURES, 'acquisition');
    expect(files.map((f) => f.name)).toContain('tiff/zeiss/jimpipeline_test.lsm');
    const report = await fuzzRun('acquisition', files, 20261124, 1_500);
    expect(
      report.findings.map(({ fixture, how, index, message }) => `#${index} ${fixture} (${how}): ${message}`),
    ).toEqual([]);
    expect(report.accepted).toBeGreaterThan(150);
    expect(report.maxCaseMemory).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
