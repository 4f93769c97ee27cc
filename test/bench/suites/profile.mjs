// Lab profile overhead: the same 10,000-image scan (TIFF headers and sidecars) with and
// without a profile in force, whole process, runs interleaved.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpus, ensureCorpus, int, markdownTable, measure, root } from '../bench-kit.mjs';

const RUNS = 5;
const TARGET = 0.1;
const PROFILE = path.join(root, 'profiles/vascular-lab.profile.json');

/** Values of image `i`: mostly what the profile allows, some variants, gaps and mistakes. */
function sidecar(i) {
  const pick = (list) => list[i % list.length];
  const label = i % 10 === 0 ? 'Pixels' : 'um';
  return {
    accepted: true,
    analysis: [],
    experiment_metadata: {
      age: pick(['P30', '8 weeks', '']),
      branch_order: pick([1, 2, null]),
      cell_type: pick(['pericyte', 'endothelial']),
      condition: pick(['baseline', 'stim']),
      condition2: '',
      date: i % 7 === 0 ? '3/4/2026' : '2026-03-04',
      depth: (i * 37) % 1700,
      direction: '',
      genotype: pick(['WT', 'Thy1-GCaMP6s', 'wt']),
      note: '',
      region: pick(['CA1', 'S1', 'V1', '']),
      sex: pick(['female', 'male', 'F']),
      species: pick(['mouse', 'mouse', 'rat', 'Mouse', '']),
      treatment: pick(['', 'KCl']),
      treatment2: '',
    },
    image_contrast: {},
    image_header_metadata: {
      date: '',
      dims: "('Y', 'X')",
      dtype: 'uint16',
      num_channels: 1,
      num_scenes: 1,
      physical_label_x: label,
      physical_label_y: label,
      physical_unit_x: 0.5,
      physical_unit_y: 0.5,
      shape: '(64, 64)',
      sizes: "{'Y': 64, 'X': 64}",
      time: '',
    },
    rois: [],
    version: 2,
  };
}

/**
 * `bench-corpus-profile/`: the 10,000 small files (hard links) each with a sidecar, written once
 * (beside the header corpus, which the scan suite reads whole).
 */
function ensureProfileCorpus() {
  ensureCorpus();
  const dir = path.join(root, 'bench-corpus-profile');
  const marker = path.join(dir, '.complete-v1');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  let i = 0;
  const copy = (from, to) => {
    for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) {
        mkdirSync(target, { recursive: true });
        copy(source, target);
        continue;
      }
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
      writeFileSync(`${target}.json`, JSON.stringify(sidecar(i++), null, 2));
    }
  };
  copy(path.join(corpus, 'small'), dir);
  writeFileSync(marker, String(i));
  return dir;
}

/** Rows with profile problems in `acqmeta scan --json` (the profile must be applied to be measured). */
function rowsWithProblems(dir) {
  const result = spawnSync(process.execPath, ['bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .filter((line) => JSON.parse(line).profile_problems.length > 0).length;
}

/** Best of RUNS whole-process runs of `args` without and with the profile, interleaved. */
function compare(dir, args) {
  const file = path.join(dir, 'acqmeta.profile.json');
  const best = { without: Infinity, with: Infinity, cpuWithout: Infinity, cpuWith: Infinity };
  const command = [process.execPath, 'bin/acqmeta.cjs', ...args];
  const run = (key) => {
    if (key === 'with') copyFileSync(PROFILE, file);
    else rmSync(file, { force: true });
    const { seconds, cpuSeconds } = measure(command, { stdio: ['ignore', 'pipe', 'ignore'] });
    best[key] = Math.min(best[key], seconds);
    const cpu = key === 'with' ? 'cpuWith' : 'cpuWithout';
    best[cpu] = Math.min(best[cpu], cpuSeconds);
  };
  run('without');
  run('with');
  for (let r = 0; r < RUNS; r++) {
    run('without');
    run('with');
  }
  rmSync(file, { force: true });
  return best;
}

/** The profile-overhead suite. */
export const suite = {
  name: 'profile',
  title: 'Lab profile overhead on a 10,000-image scan',
  run() {
    const dir = ensureProfileCorpus();
    copyFileSync(PROFILE, path.join(dir, 'acqmeta.profile.json'));
    const flagged = rowsWithProblems(dir);
    if (flagged === 0) throw new Error('the profile was not applied: no row has profile problems');
    const rows = [
      [
        '`acqmeta scan --json --no-cache` (headers, sidecars)',
        compare(dir, ['scan', dir, '--json', '--no-cache']),
        `≤ ${TARGET * 100}%`,
      ],
      ['`acqmeta validate` (sidecars only)', compare(dir, ['validate', dir]), 'none (for information)'],
    ];
    const overhead = (a, b) => `${(100 * (b / a - 1)).toFixed(1)}%`;
    const table = markdownTable(
      [
        'command on 10,000 images with sidecars',
        'no profile (s)',
        'vascular-lab profile (s)',
        'overhead',
        'target',
        'CPU s without → with',
        'CPU overhead',
      ],
      rows.map(([label, t, target]) => [
        label,
        t.without.toFixed(3),
        t.with.toFixed(3),
        overhead(t.without, t.with),
        target,
        `${t.cpuWithout.toFixed(2)} → ${t.cpuWith.toFixed(2)}`,
        overhead(t.cpuWithout, t.cpuWith),
      ]),
    );
    const about =
      `Best of ${RUNS} whole-process runs each, with and without \`profiles/vascular-lab.profile.json\` as ` +
      `the folder's \`acqmeta.profile.json\`, interleaved, warm page cache. The corpus is the 10,000 ` +
      `single-page files of the header scan with a sidecar each (varied values: ${int(flagged)} images break the profile). ` +
      '`validate` exits 1 on problems; its time is measured all the same. CPU time (user + system, worker ' +
      'threads included) is less disturbed by other load on the machine than wall time.';
    return `${about}\n\n${table}`;
  },
};
