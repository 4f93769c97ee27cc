// Change journal cost: one field set in 10,000 existing sidecars by `acqmeta set`, journaled and
// with the journal turned off for the folder (`.acqmeta/journal-off`), whole process, in turns;
// medians. And the journal's size against the sidecars' (issue 30: at most 10% more time, a
// small fraction of the size).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureSidecarCorpus, int, markdownTable, measure, median, root } from '../bench-kit.mjs';

const FOLDERS = 20;
const PER_FOLDER = 500;
const FILES = FOLDERS * PER_FOLDER;
const RUNS = 7;
/** Most the journal may add to a bulk set's time (issue 30). */
const TARGET = 0.1;
const dir = path.join(root, 'bench-corpus-journal');
const off = path.join(dir, '.acqmeta', 'journal-off');
const journalDir = path.join(dir, '.acqmeta', 'journal');

function journalBytes() {
  if (!existsSync(journalDir)) return 0;
  return readdirSync(journalDir).reduce((sum, name) => sum + statSync(path.join(journalDir, name)).size, 0);
}

let serial = 0;
/** The corpus's last sidecar, which a complete run has written. */
let lastSidecar = '';
/** Sets species in every sidecar (a new value of fixed length each time); returns wall seconds. */
function bulkSet(journaled) {
  if (journaled) rmSync(off, { force: true });
  else writeFileSync(off, '');
  serial += 1;
  // Unique across bench runs too (a value the files already hold would write nothing), of fixed length.
  const value = `run-${Date.now().toString(36)}-${String(serial).padStart(3, '0')}`;
  const before = journalBytes();
  const run = measure([process.execPath, 'bin/acqmeta.cjs', 'set', dir, '--set', `species=${value}`]);
  if (run.code !== 0) throw new Error(`acqmeta set failed (exit ${run.code})`);
  const probe = readFileSync(lastSidecar, 'utf8');
  if (!probe.includes(`"species": "${value}"`)) throw new Error(`the last sidecar does not hold species ${value}`);
  const added = journalBytes() - before;
  if (journaled ? added <= 0 : added !== 0)
    throw new Error(`the journal grew by ${added} bytes (journaled: ${journaled})`);
  return { seconds: run.seconds, added };
}

/** The journal suite. */
export const suite = {
  name: 'journal',
  title: 'Change journal cost on a bulk set',
  async run() {
    lastSidecar = ensureSidecarCorpus(dir, FOLDERS, PER_FOLDER);
    const on = [];
    const without = [];
    try {
      for (let round = 0; round <= RUNS; round++) {
        const a = bulkSet(true);
        const b = bulkSet(false);
        // The first round warms the page cache and is left out.
        if (round > 0) {
          on.push(a);
          without.push(b);
        }
      }
    } finally {
      rmSync(off, { force: true });
    }
    const sidecarBytes = FILES * statSync(path.join(dir, 'animal-00', 'cell-0000.tif.json')).size;
    const onSeconds = median(on.map((r) => r.seconds));
    const offSeconds = median(without.map((r) => r.seconds));
    const overhead = onSeconds / offSeconds - 1;
    const paired = median(on.map((r, i) => r.seconds / without[i].seconds - 1));
    const journalPerRun = median(on.map((r) => r.added));
    const table = markdownTable(
      ['figure', 'measured', 'target'],
      [
        [
          `\`acqmeta set\` of ${int(FILES)} sidecars: journaled / journal off`,
          `${onSeconds.toFixed(2)} s / ${offSeconds.toFixed(2)} s: ${(overhead * 100).toFixed(1)}%${overhead > TARGET ? ' (**over**)' : ''}`,
          `≤ ${TARGET * 100}%`,
        ],
        [
          'journal written by one bulk set, against the sidecars it wrote',
          `${(journalPerRun / 1e6).toFixed(2)} MB of ${(sidecarBytes / 1e6).toFixed(1)} MB: ${((journalPerRun / sidecarBytes) * 100).toFixed(1)}%`,
          'a small fraction',
        ],
      ],
    );
    const runs = on.map((r, i) => `${r.seconds.toFixed(2)}/${without[i].seconds.toFixed(2)}`).join(', ');
    const about =
      `Species set in ${int(FILES)} existing CloudScope sidecars (${FOLDERS} folders) by \`acqmeta set\`, whole process, ` +
      `journaled and with \`.acqmeta/journal-off\` in the folder, in turns, ${RUNS} rounds after a warm-up round; medians. ` +
      'Each write is atomic and durable either way; journaled, its record is synced before its rename (group commit).';
    return `${about}\n\n${table}\n\nRuns in turns, journaled/off (s): ${runs}; median of the paired overheads ${(paired * 100).toFixed(1)}%.`;
  },
};
