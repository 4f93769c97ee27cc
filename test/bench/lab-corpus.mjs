// The lab folder of issue 51 (make-lab-corpus.py): 4,320 source files written with tifffile,
// and folders of hard links to them, written once into bench-corpus-lab/ (git-ignored); and the
// scan of the sources against tifffile, the figure the first-rows and sources suites share.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acqmetaOf } from './against.mjs';
import { measure, python, root } from './bench-kit.mjs';

const LAB = path.join(root, 'bench-corpus-lab');
const MAKER = path.join(root, 'test/bench/make-lab-corpus.py');

/** `bench-corpus-lab/sources`: the 4,320 files, written once. */
export function ensureLabSources() {
  const sources = path.join(LAB, 'sources');
  if (!existsSync(path.join(sources, '.complete-v1'))) {
    rmSync(LAB, { recursive: true, force: true });
    console.log(`writing the 4,320 lab sources into ${sources} ...`);
    execFileSync(python, [MAKER, 'sources', sources], { stdio: 'inherit' });
    writeFileSync(path.join(sources, '.complete-v1'), '');
  }
  return sources;
}

/** `bench-corpus-lab/<name>`: `images` hard links to the sources, written once (with the sources when missing). */
export function ensureLabFolder(name, images) {
  const sources = ensureLabSources();
  const folder = path.join(LAB, name);
  if (!existsSync(path.join(folder, '.complete-v1'))) {
    rmSync(folder, { recursive: true, force: true });
    console.log(`linking ${images.toLocaleString('en-US')} images into ${folder} ...`);
    execFileSync(python, [MAKER, 'links', sources, folder, String(images)], { stdio: 'inherit' });
    writeFileSync(path.join(folder, '.complete-v1'), '');
  }
  return { folder, sources };
}

/**
 * `acqmeta scan <sources> --json --no-cache` of each build in `builds` (see against.mjs) and
 * tifffile reading the same headers (read-tifffile.py), whole processes, in turns for `rounds`
 * rounds after one not counted; returns each one's wall seconds per round (`scans[i]` is
 * `builds[i]`'s) and the scans' CPU seconds (`scansCpu`), which other tenants' load disturbs less.
 */
export function sourcesAgainstTifffile(sources, builds, rounds) {
  const commands = [
    ...builds.map((build) => acqmetaOf(build, ['scan', sources, '--json', '--no-cache'])),
    [[python, 'test/bench/read-tifffile.py', sources], {}],
  ];
  const times = commands.map(() => []);
  const cpu = commands.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    commands.forEach(([command, options], i) => {
      const run = measure(command, options);
      if (run.code !== 0) throw new Error(`failed (exit ${run.code}): ${command.join(' ')}`);
      if (round > 0) times[i].push(run.seconds);
      if (round > 0) cpu[i].push(run.cpuSeconds);
    });
  }
  return { scans: times.slice(0, -1), tifffile: times.at(-1), scansCpu: cpu.slice(0, -1) };
}
