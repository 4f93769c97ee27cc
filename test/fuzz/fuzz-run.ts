/**
 * A fuzz run: mutants of the fixture files fed to the TIFF header reader and the sidecar
 * parser, replayable from (seed, case). Used by the bounded run in the unit tests and by the
 * longer `npm run fuzz`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FuzzFailure, fuzzSidecar, fuzzTiff } from './fuzz-targets';
import { Random } from './random';
import { mutateSidecar } from './sidecar-mutations';
import { mutateTiff } from './tiff-mutations';

/** The fixture files of one kind, by path relative to `test/fixtures`. */
export function fixtureFiles(fixtures: string, kind: 'tiff' | 'sidecar'): { name: string; bytes: Uint8Array }[] {
  const dir = path.join(fixtures, kind === 'tiff' ? 'tiff' : 'sidecars');
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => (kind === 'tiff' ? /\.(tiff?|lsm)$/i.test(name) : name.endsWith('.json')))
    .sort();
  return names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

/** One case that broke a rule, with what it takes to replay it. */
export interface FuzzFinding {
  kind: 'tiff' | 'sidecar';
  seed: number;
  index: number;
  fixture: string;
  how: string;
  message: string;
  input: Uint8Array;
}

/** Counts of a run. */
export interface FuzzReport {
  cases: number;
  accepted: number;
  rejected: number;
  /** Largest growth of heap plus array buffers during one case, in bytes. */
  maxCaseMemory: number;
  findings: FuzzFinding[];
}

function memoryNow(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Runs mutants of `files` until `cases` ran or `until()` says stop. Case `index` of `seed`
 * always mutates the same fixture in the same way.
 */
export async function fuzzRun(
  kind: 'tiff' | 'sidecar',
  files: readonly { name: string; bytes: Uint8Array }[],
  seed: number,
  cases: number,
  until: () => boolean = () => false,
): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, accepted: 0, rejected: 0, maxCaseMemory: 0, findings: [] };
  for (let index = 0; index < cases && !until(); index++) {
    const random = new Random(seed * 1_000_003 + index);
    const fixture = random.pick(files);
    const { bytes, how } = kind === 'tiff' ? mutateTiff(fixture.bytes, random) : mutateSidecar(fixture.bytes, random);
    const before = memoryNow();
    try {
      const outcome = kind === 'tiff' ? await fuzzTiff(bytes) : fuzzSidecar(bytes);
      if (outcome === 'ok') report.accepted++;
      else report.rejected++;
    } catch (error) {
      const message = error instanceof FuzzFailure ? error.message : `harness: ${String(error)}`;
      report.findings.push({ kind, seed, index, fixture: fixture.name, how, message, input: bytes });
    }
    report.maxCaseMemory = Math.max(report.maxCaseMemory, memoryNow() - before - bytes.length);
    report.cases++;
  }
  return report;
}
