// The facility index (issue 82): `acqmeta index` of a 10,000-image lab folder against
// `acqmeta scan --json --no-cache` of it, and its refresh against its first index, in turns; then
// a million generated images in SQLite and in a throwaway PostgreSQL server: one- and two-field
// searches in a running process (p95), `acqmeta find` against the command line's own start, and
// the memory of a find that lists every image. BENCH_INDEX_IMAGES: another count than a million;
// BENCH_INDEX_SEARCHES_ONLY=1: the searches alone, without the lab folder's figures;
// BENCH_INDEX_FOLDER_ONLY=1: the lab folder's figures alone (with `--against`, the base's beside).
import { rmSync, writeFileSync, existsSync, readFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acqmetaOf, againstBase, builds, pairedRatios, ratioText } from '../against.mjs';
import { int, markdownTable, measure, median } from '../bench-kit.mjs';
import { ensureLabFolder } from '../lab-corpus.mjs';
import { FILTERS, findAgainstStart, p95, searchLoop, PAGE } from './index-queries.mjs';
import { ensureGeneratedSqlite, generateImages, indexCode, SCRATCH } from './index-rows.mjs';

const FOLDER_ROUNDS = 5;
const SEARCH_ROUNDS = 5;
const FIND_ROUNDS = 7;
/** The finds timed as whole commands: a rare value, a two-field filter, a number range. */
const FIND_FILTERS = ['species:axolotl', 'species:mouse genotype:sst-cre', 'instrument:ultima na:>1'];
const TARGETS = { index: 1.2, refresh: 0.1, p95: 100, beyondStart: 100, rssMb: 500 };

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

/** The lab folder of 10,000 images with a few broken files among them, written once. */
function ensureIndexFolder() {
  const { folder, sources } = ensureLabFolder('index-10k', 10_000);
  const marker = path.join(folder, '.broken-v1');
  if (!existsSync(marker)) {
    const session = path.join(folder, 'animal00', 'session0');
    const tiff = readFileSync(path.join(session, 'img000000.tif'));
    writeFileSync(path.join(session, 'cut-short.tif'), tiff.subarray(0, 100));
    writeFileSync(path.join(session, 'not-a-tiff.tif'), 'exported by mistake\n');
    writeFileSync(path.join(session, 'empty.tif'), '');
    copyFileSync(path.join(session, 'img000000.tif'), path.join(session, 'bad-sidecar.tif'));
    writeFileSync(path.join(session, 'bad-sidecar.tif.json'), '{ "version": 2, "experiment_metadata": {');
    writeFileSync(marker, '');
  }
  return { folder, sources };
}

function removeDatabase(file) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * The folder part: per round the scan, a first index into a new database and its refresh; with
 * `--against`, the base's first index and refresh too, in the same round.
 */
function folderFigures() {
  const { folder } = ensureIndexFolder();
  const all = builds();
  const run = (build, args) => {
    const [command, options] = acqmetaOf(build, args);
    const taken = measure(command, options);
    // 1: the run ended and named the folder's broken files as problems, as it should
    if (taken.code !== 0 && taken.code !== 1) throw new Error(`failed (exit ${taken.code}): ${command.join(' ')}`);
    return taken.seconds;
  };
  const scan = [];
  const first = all.map(() => []);
  const refresh = all.map(() => []);
  console.log(`the 10,000-image lab folder: scan, index, refresh in turns, ${FOLDER_ROUNDS} rounds ...`);
  for (let round = 0; round <= FOLDER_ROUNDS; round++) {
    const scanned = run(all[0], ['scan', folder, '--json', '--no-cache']);
    const times = all.map((build, b) => {
      const db = path.join(SCRATCH, `lab-10k-${b}.sqlite`);
      removeDatabase(db);
      const taken = [run(build, ['index', folder, '--db', db]), run(build, ['index', folder, '--db', db])];
      removeDatabase(db);
      return taken;
    });
    if (round === 0) continue;
    scan.push(scanned);
    times.forEach(([a, b], i) => {
      first[i].push(a);
      refresh[i].push(b);
    });
  }
  const s = (values) => `${median(values).toFixed(2)} s`;
  const met = (ratio, target) => `≤ ${target}×${ratio.median <= target ? '' : ' (**not met**)'}`;
  const rows = all.flatMap((build, i) => {
    const index = pairedRatios(first[i], scan);
    const again = pairedRatios(refresh[i], first[i]);
    const who = all.length === 1 ? '' : `${build.label}: `;
    return [
      [
        `${who}\`acqmeta index\` of the folder (a new SQLite index) ÷ \`acqmeta scan --json --no-cache\` of it`,
        ratioText(index),
        `${s(first[i])} ÷ ${s(scan)}`,
        met(index, TARGETS.index),
      ],
      [
        `${who}its refresh, nothing changed ÷ its first index`,
        ratioText(again),
        `${s(refresh[i])} ÷ ${s(first[i])}`,
        met(again, TARGETS.refresh),
      ],
    ];
  });
  if (all.length > 1)
    rows.push(
      ['first index, this tree ÷ the base', againstBase('the first index', first[0], first[1]), '', ''],
      ['refresh, this tree ÷ the base', againstBase('the refresh', refresh[0], refresh[1]), '', ''],
    );
  return markdownTable(['figure', 'per round: median (min–max)', 'medians', 'target'], rows);
}

/** How the folder figures are taken, in words. */
function folderAbout() {
  return (
    `The lab folder: 10,000 images of \`make-lab-corpus.py\` (nested animal/session folders, half with CloudScope sidecars) and five broken files; ` +
    `each command a whole process, ${FOLDER_ROUNDS} rounds after one not counted, each ratio per round.`
  );
}

/** The search figures of one engine holding the generated images at `url`. */
async function engineFigures(code, name, url, images) {
  console.log(`${name}: ${FILTERS.length} filters, first page of each, ${SEARCH_ROUNDS} rounds ...`);
  const searched = await searchLoop(code, url, SEARCH_ROUNDS);
  const all = searched.flatMap((s) => s.ms);
  console.log(`${name}: acqmeta find against acqmeta --version, ${FIND_ROUNDS} rounds ...`);
  const finds = findAgainstStart(url, FIND_FILTERS, FIND_ROUNDS);
  console.log(`${name}: acqmeta find of every image, for its memory ...`);
  const [command, options] = acqmetaOf(builds()[0], ['find', '--db', url]);
  const everything = measure(command, options);
  if (everything.code !== 0) throw new Error(`failed (exit ${everything.code}): ${command.join(' ')}`);
  const summary = [
    [
      `${name}: first page of ${FILTERS.length} filters × ${SEARCH_ROUNDS} rounds, p95 (median)`,
      `${p95(all).toFixed(1)} ms (${median(all).toFixed(1)} ms)`,
      `≤ ${TARGETS.p95} ms${p95(all) <= TARGETS.p95 ? '' : ' (**not met**)'}`,
    ],
    ...finds.finds.map((f) => [
      `${name}: \`acqmeta find '${f.filter}'\` beyond \`acqmeta --version\` (${Math.round(finds.startMs)} ms), per round`,
      `${Math.round(f.beyond)} ms (${Math.round(f.min)}–${Math.round(f.max)}); whole ${Math.round(f.ms)} ms`,
      `≤ ${TARGETS.beyondStart} ms${f.beyond <= TARGETS.beyondStart ? '' : ' (**not met**)'}`,
    ]),
    [
      `${name}: \`acqmeta find\` of all ${int(images)} images: peak memory (RSS); time`,
      `${Math.round(everything.rssMb)} MB; ${everything.seconds.toFixed(1)} s`,
      `< ${TARGETS.rssMb} MB${everything.rssMb < TARGETS.rssMb ? '' : ' (**not met**)'}`,
    ],
  ];
  const perFilter = searched.map((s) => [
    `\`${s.filter}\``,
    s.found === PAGE ? `${PAGE}` : String(s.found),
    `${median(s.ms).toFixed(1)}`,
    `${Math.max(...s.ms).toFixed(1)}`,
  ]);
  return { summary, perFilter };
}

/** The index suite. */
export const suite = {
  name: 'index',
  title: 'The facility index',
  against: true,
  async run() {
    const loadBefore = load();
    const folder = process.env.BENCH_INDEX_SEARCHES_ONLY === '1' ? null : folderFigures();
    if (process.env.BENCH_INDEX_FOLDER_ONLY === '1')
      return `${folder}\n\n${folderAbout()} Load average before: ${loadBefore}; after: ${load()}.`;
    const images = Number(process.env.BENCH_INDEX_IMAGES ?? 1_000_000);
    const code = await indexCode();
    const sqlite = await ensureGeneratedSqlite(code, images);
    const made = [
      `SQLite: ${
        sqlite.generated !== null
          ? `${sqlite.generated.toFixed(0)} s`
          : sqlite.migrated !== null
            ? `kept from an earlier run, migrated in ${sqlite.migrated.toFixed(0)} s`
            : 'kept from an earlier run'
      }`,
    ];
    const onSqlite = await engineFigures(code, 'SQLite', sqlite.file, images);
    console.log('PostgreSQL: a throwaway server, the images generated into it ...');
    const cluster = await code.startPgCluster();
    let onPostgres;
    try {
      const url = await cluster.createDatabase('bench');
      const store = await code.openIndex(url, { write: true, cwd: SCRATCH });
      made.push(`PostgreSQL: ${(await generateImages(code, store, images)).toFixed(0)} s`);
      await store.close();
      onPostgres = await engineFigures(code, 'PostgreSQL', url, images);
    } finally {
      await cluster.stop();
    }
    const table = markdownTable(['figure', 'measured', 'target'], [...onSqlite.summary, ...onPostgres.summary]);
    const filters = markdownTable(
      [
        'filter',
        'rows on the first page',
        'SQLite: median ms',
        'SQLite: slowest ms',
        'PostgreSQL: median ms',
        'PostgreSQL: slowest ms',
      ],
      onSqlite.perFilter.map((row, i) => [...row, ...onPostgres.perFilter[i].slice(2)]),
    );
    const about =
      `${folderAbout()} ` +
      `The searches: ${int(images)} generated images (\`index-rows.mjs\`, written through the store's upsert 500 a transaction; ${made.join(', ')}), ` +
      `each filter's first ${PAGE} rows as \`acqmeta find\` tests them, in one process. Load average before: ${loadBefore}; after: ${load()}.`;
    return `${folder === null ? '' : `${folder}\n\n`}${table}\n\n${filters}\n\n${about}`;
  },
};
