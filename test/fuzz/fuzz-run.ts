/**
 * A fuzz run: mutants of the fixture files fed to the TIFF header reader (and its acquisition
 * metadata), the vendor-format readers (and the preview decoder of their planes), the sidecar
 * parser, the journal reader and the channel-table reader, replayable from (seed, case). Used by the bounded runs in the unit tests and by the
 * longer `npm run fuzz`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mutateChannelTable } from './channel-table-mutations';
import { fuzzChannelTable } from './channel-table-target';
import { FuzzFailure, fuzzAcquisition, fuzzSidecar, fuzzTiff, fuzzVendorPreview } from './fuzz-targets';
import { fuzzJournal } from './journal-fuzz-target';
import { mutateJournal } from './journal-mutations';
import { Random } from './random';
import { mutateSidecar } from './sidecar-mutations';
import { mutateTiff } from './tiff-mutations';
import { mutateVendor } from './vendor-mutations';

/** What a run fuzzes. */
export type FuzzKind = 'tiff' | 'acquisition' | 'vendor' | 'sidecar' | 'journal' | 'channels';

const KINDS: Readonly<
  Record<
    FuzzKind,
    {
      dir: string;
      files: RegExp;
      mutate: typeof mutateTiff;
      run: (bytes: Uint8Array, name: string) => Promise<'ok' | 'rejected' | 'invalid'> | 'ok' | 'rejected' | 'invalid';
    }
  >
> = {
  tiff: { dir: 'tiff', files: /\.(tiff?|lsm)$/i, mutate: mutateTiff, run: (bytes) => fuzzTiff(bytes) },
  // the TIFFs that carry acquisition metadata: OME-XML, LSM scan information, ScanImage, ImageJ
  acquisition: {
    dir: '.',
    files:
      /^(acquisition\/.*\.tiff?|tiff\/zeiss\/.*\.lsm|tiff\/generated\/(imagej-hyperstack|ome-3ch|scanimage|synthetic).*)$/,
    mutate: mutateTiff,
    run: (bytes) => fuzzAcquisition(bytes),
  },
  vendor: {
    dir: 'formats',
    files: /\.(czi|nd2|lif|oib)$/i,
    mutate: mutateVendor,
    run: (bytes, name) => fuzzVendorPreview(bytes, name),
  },
  sidecar: { dir: 'sidecars', files: /\.json$/, mutate: mutateSidecar, run: (bytes) => fuzzSidecar(bytes) },
  journal: { dir: 'journals', files: /\.jsonl$/, mutate: mutateJournal, run: (bytes) => fuzzJournal(bytes) },
  channels: {
    dir: 'channels',
    files: /\.csv$/,
    mutate: mutateChannelTable,
    run: (bytes) => fuzzChannelTable(bytes),
  },
};

/** The fixture files of one kind, by path relative to `test/fixtures`. */
export function fixtureFiles(fixtures: string, kind: FuzzKind): { name: string; bytes: Uint8Array }[] {
  const dir = path.join(fixtures, KINDS[kind].dir);
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => KINDS[kind].files.test(name))
    .sort();
  return names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

/** One case that broke a rule, with what it takes to replay it. */
export interface FuzzFinding {
  kind: FuzzKind;
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
  kind: FuzzKind,
  files: readonly { name: string; bytes: Uint8Array }[],
  seed: number,
  cases: number,
  until: () => boolean = () => false,
): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, accepted: 0, rejected: 0, maxCaseMemory: 0, findings: [] };
  for (let index = 0; index < cases && !until(); index++) {
    const random = new Random(seed * 1_000_003 + index);
    const fixture = random.pick(files);
    const { bytes, how } = KINDS[kind].mutate(fixture.bytes, random);
    const before = memoryNow();
    try {
      const outcome = await KINDS[kind].run(bytes, path.basename(fixture.name));
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
