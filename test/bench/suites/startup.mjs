// The command line's start (issue 81): `acqmeta --help` (base commits have no `--version`) and a scan of a small folder, whole
// processes, with `--against <rev>` in turns with that commit's, each figure a ratio per pair;
// beside them the bytes of JavaScript bundles each process reads (from a system-call trace).
import { spawnSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acqmetaOf, againstBase, builds, pairedRatios, ratioText } from '../against.mjs';
import { inTurns, markdownTable, median, root } from '../bench-kit.mjs';

const PAIRS = 15;
/** The commands timed: the dispatcher alone, and a command that reads images. */
const COMMANDS = [
  { label: '`acqmeta --help`', args: ['--help'] },
  {
    label: '`acqmeta scan --json --no-cache` of the 3 images of test/fixtures/acquisition',
    args: ['scan', path.join(root, 'test/fixtures/acquisition'), '--json', '--no-cache'],
  },
];

/**
 * The bytes of the `.cjs` bundles of `build` that `acqmeta <args>` opens (`strace`), with their
 * count; null where strace is not installed.
 */
function bundleBytes(build, args) {
  const [command, options] = acqmetaOf(build, args);
  const traced = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-e', 'signal=none', ...command], {
    ...options,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (traced.error !== undefined) return null;
  const files = new Set();
  for (const match of traced.stderr.matchAll(/openat\([^"]*"([^"]+\.cjs)"/g))
    if (match[1].startsWith(realpathSync(build.root)) && !match[1].includes('node_modules')) files.add(match[1]);
  let bytes = 0;
  for (const file of files) bytes += statSync(file).size;
  return { bytes, files: files.size };
}

const ms = (seconds) => `${Math.round(seconds * 1000)} ms`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

/** The startup suite. */
export const suite = {
  name: 'startup',
  title: "The command line's start",
  against: true,
  async run() {
    const measured = builds();
    const loadBefore = load();
    const rows = [];
    for (const { label, args } of COMMANDS) {
      console.log(`${label}: ${measured.length} build(s) in turns, ${PAIRS} pairs ...`);
      const runs = inTurns(
        PAIRS,
        measured.map((build) => acqmetaOf(build, args)),
      ).map((taken) => ({ wall: taken.map((t) => t.seconds), cpu: taken.map((t) => t.cpuSeconds) }));
      const bytes = measured.map((build) => bundleBytes(build, args));
      measured.forEach((build, i) => {
        const read = bytes[i] === null ? '—' : `${(bytes[i].bytes / 1e6).toFixed(2)} MB in ${bytes[i].files}`;
        rows.push([`${label}, ${build.label}`, read, ms(median(runs[i].wall)), ms(median(runs[i].cpu)), '', '']);
      });
      if (measured.length > 1) {
        const bytesRatio =
          bytes[0] === null || bytes[1] === null ? '—' : `${(bytes[0].bytes / bytes[1].bytes).toFixed(3)}×`;
        rows.push([
          `this tree against ${measured[1].label}, per pair`,
          bytesRatio,
          '',
          '',
          againstBase(`${label}: wall time`, runs[0].wall, runs[1].wall),
          ratioText(pairedRatios(runs[0].cpu, runs[1].cpu)),
        ]);
      }
    }
    const table = markdownTable(
      ['command', 'bundles read', 'wall (median)', 'CPU (median)', 'wall: this tree / base', 'CPU: this tree / base'],
      rows,
    );
    const about =
      `Whole processes through \`bin/acqmeta.cjs\` (its code cache warm), ${PAIRS} pairs in turns after one warm-up ` +
      'each; each ratio is taken per pair, then its median and spread. "Bundles read" sums the `.cjs` files of the ' +
      `build the process opens (strace). Load average before: ${loadBefore}; after: ${load()} (1, 5, 15 min).`;
    return `${table}\n\n${about}`;
  },
};
