import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, fuzzRun } from '../../../fuzz/fuzz-run';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

describe('fuzzing the vendor readers (bounded run; `npm run fuzz` runs longer)', () => {
  it('only ever resolve or reject with VendorReadError, within the read budget and bounded memory', async () => {
    const files = fixtureFiles(FIXTURES, 'vendor');
    expect(files.map((f) => f.name.split('.').pop())).toEqual(expect.arrayContaining(['czi', 'nd2', 'lif', 'oib']));
    const report = await fuzzRun('vendor', files, 20261123, 1_200);
    expect(
      report.findings.map(({ fixture, how, index, message }) => `#${index} ${fixture} (${how}): ${message}`),
    ).toEqual([]);
    expect(report.accepted).toBeGreaterThan(150);
    expect(report.rejected).toBeGreaterThan(150);
    expect(report.maxCaseMemory).toBeLessThan(128 * 1024 * 1024);
  }, 180_000);
});
