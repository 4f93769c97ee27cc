// The index suite's searches: a loop of one- and two-field filters in a running process (the
// first page of each, as the app shows it), `acqmeta find` as a whole command against the
// command line's own start, and the peak memory of a find that lists every image.
import { acqmetaOf, builds } from '../against.mjs';
import { inTurns, median } from '../bench-kit.mjs';

/** Filters a facility searches with, from rare to common (the comment: about how many of a million pass). */
export const FILTERS = [
  'species:axolotl', // 100
  'species:mouse', // half
  'species:=rat', // 70,000
  'genotype:ai14', // 100,000
  'genotype:sst-cre', // 350
  'species:mouse genotype:ai14',
  'species:zebrafish genotype:gcamp6s',
  'objective:63x', // a third
  'na:1.4',
  'na:>1.2',
  'objective:63x na:1.4',
  'instrument:ultima', // 1,000
  'instrument:lsm', // half
  'instrument:nikon objective:100x',
  'acquired:2025',
  'species:mouse acquired:2025-03',
  'sidecar:none',
  'species:human sidecar:saved',
  'species:rat na:>1.2',
  'physical_unit_x:<0.1', // an eighth
];

/** Rows a page of the app's search view shows. */
export const PAGE = 100;

/** The 95th percentile of `values`. */
export function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

/**
 * The first page of `filter` from `store`: the candidates the index narrows to, tested by the
 * filter language as find tests them, until {@link PAGE} pass or none are left; resolves to
 * milliseconds and the rows found.
 */
async function firstPage(code, store, filter) {
  const started = performance.now();
  const query = code.parseFilter(filter);
  const passes = code.rowMatcher(query);
  let found = 0;
  for await (const image of store.candidates(query)) {
    if (passes(JSON.parse(image.row))) found++;
    if (found === PAGE) break;
  }
  return { ms: performance.now() - started, found };
}

/**
 * Each filter's first page, `rounds` times over after one round not counted, in one process
 * (the store opened once); resolves to each filter's milliseconds per round and rows found.
 */
export async function searchLoop(code, url, rounds) {
  const store = await code.openIndex(url, { write: false, cwd: process.cwd() });
  try {
    for (const filter of FILTERS) {
      const problems = code.parseFilter(filter).problems;
      if (problems.length > 0) throw new Error(`${filter}: ${problems.join('; ')}`);
    }
    const times = FILTERS.map(() => []);
    const found = [];
    for (let round = 0; round <= rounds; round++)
      for (const [i, filter] of FILTERS.entries()) {
        const page = await firstPage(code, store, filter);
        if (round > 0) times[i].push(page.ms);
        found[i] = page.found;
      }
    return FILTERS.map((filter, i) => ({ filter, ms: times[i], found: found[i] }));
  } finally {
    await store.close();
  }
}

/**
 * `acqmeta find '<filter>' --db <url>` of each of `filters` and `acqmeta --version`, whole
 * processes in turns, `rounds` rounds after one not counted; resolves to each find's milliseconds
 * beyond the start-up, per round (median and spread), and the medians themselves.
 */
export function findAgainstStart(url, filters, rounds) {
  const [here] = builds();
  const commands = [
    acqmetaOf(here, ['--version']),
    ...filters.map((filter) => acqmetaOf(here, ['find', filter, '--db', url])),
  ];
  const runs = inTurns(rounds, commands).map((measured) => measured.map((m) => m.seconds * 1000));
  const start = runs[0];
  return {
    startMs: median(start),
    finds: filters.map((filter, i) => {
      const beyond = runs[i + 1].map((ms, round) => ms - start[round]);
      return {
        filter,
        ms: median(runs[i + 1]),
        beyond: median(beyond),
        min: Math.min(...beyond),
        max: Math.max(...beyond),
      };
    }),
  };
}
