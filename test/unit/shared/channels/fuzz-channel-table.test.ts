import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, fuzzRun } from '../../../fuzz/fuzz-run';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

describe('fuzzing the channel-table reader (bounded run; `npm run fuzz` runs longer)', () => {
  it('reads every mutant or refuses it with a message, and every table read stays in its limits and reads back', async () => {
    const report = await fuzzRun('channels', fixtureFiles(FIXTURES, 'channels'), 20261125, 250);
    expect(
      report.findings.map(({ fixture, how, index, message }) => `#${index} ${fixture} (${how}): ${message}`),
    ).toEqual([]);
    expect(report.accepted).toBeGreaterThan(50);
    expect(report.rejected).toBeGreaterThan(50);
    expect(report.maxCaseMemory).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);
});
