/**
 * `npm run fuzz [-- --seconds N] [--seed S]`: the longer fuzz run of the TIFF header reader, its
 * acquisition metadata, the vendor-format readers, the sidecar parser, the journal reader and the
 * channel-table reader (a sixth of the time each). Inputs that break a rule are written to
 * test-results/fuzz/ with their seed and case number; the exit code is 1 when there are any.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureFiles, fuzzRun, type FuzzFinding } from './fuzz-run';

const ROOT = path.resolve(process.argv[2] as string);
const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const seconds = option('--seconds', 120);
const seed = option('--seed', Math.floor(Math.random() * 1e9));

const findings: FuzzFinding[] = [];
console.log(`fuzzing for ${seconds} s, seed ${seed}`);
const KINDS = ['tiff', 'acquisition', 'vendor', 'sidecar', 'journal', 'channels'] as const;
for (const kind of KINDS) {
  const files = fixtureFiles(path.join(ROOT, 'test/fixtures'), kind);
  const deadline = Date.now() + (seconds * 1000) / KINDS.length;
  let cases = 0;
  let maxMemory = 0;
  for (let round = 0; Date.now() < deadline; round++) {
    const report = await fuzzRun(kind, files, seed + round, 1_000, () => Date.now() >= deadline);
    cases += report.cases;
    maxMemory = Math.max(maxMemory, report.maxCaseMemory);
    findings.push(...report.findings);
  }
  console.log(
    `${kind}: ${cases} cases, ${findings.filter((f) => f.kind === kind).length} findings, at most ${Math.round(maxMemory / 2 ** 20)} MB per case`,
  );
}
if (findings.length > 0) {
  const out = path.join(ROOT, 'test-results/fuzz');
  mkdirSync(out, { recursive: true });
  for (const f of findings) {
    const file = path.join(
      out,
      `${f.kind}-${f.seed}-${f.index}${f.kind === 'sidecar' ? '.json' : f.kind === 'tiff' || f.kind === 'acquisition' ? '.tif' : f.kind === 'journal' && f.input[0] === 0x1f ? '.jsonl.gz' : path.extname(f.fixture)}`,
    );
    writeFileSync(file, f.input);
    console.log(`${path.relative(ROOT, file)}: ${f.fixture} (${f.how}): ${f.message}`);
  }
}
process.exit(findings.length > 0 ? 1 : 0);
