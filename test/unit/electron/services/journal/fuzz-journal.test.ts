import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, fuzzRun } from '../../../../fuzz/fuzz-run';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures', import.meta.url));

describe('fuzzing the journal reader (bounded run; `npm run fuzz` runs longer)', () => {
  it('never throws, names what it leaves out, and gives only records of images inside the folder', async () => {
    const report = await fuzzRun('journal', fixtureFiles(FIXTURES, 'journal'), 20261125, 300);
    expect(
      report.findings.map(({ fixture, how, index, message }) => `#${index} ${fixture} (${how}): ${message}`),
    ).toEqual([]);
    expect(report.accepted).toBeGreaterThan(30);
    expect(report.rejected).toBeGreaterThan(30);
    expect(report.maxCaseMemory).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);
});
