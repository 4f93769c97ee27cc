// The index suite's pieces: the index's own code bundled for the bench (its native drivers left to
// node_modules), and a generator of a facility's images written through the store's upsert, the
// indexer's own path: three shares of nested year/project/animal/session folders, species,
// genotypes, microscopes, objectives, pixel sizes and dates spread from rare to common.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { root } from '../bench-kit.mjs';

/** The suite's scratch folder (git-ignored): the bundle, the generated database, the 10k folder's index. */
export const SCRATCH = path.join(root, 'bench-corpus-index');
/** Bumped when the generator's rows change, so a cached database is made again. */
const GENERATOR_VERSION = 1;

/** The index's code as the bench calls it: the store, the columns of a row, the record, the filter, a PostgreSQL cluster. */
export async function indexCode() {
  const dir = path.join(SCRATCH, 'code');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'index-bench.mjs');
  await build({
    stdin: {
      contents: [
        "export { openIndex } from './electron/services/index';",
        "export { columnsOf } from './electron/services/index/image-columns';",
        "export { MIGRATIONS } from './electron/services/index/schema';",
        "export { rowRecord } from './electron/cli/row-format';",
        "export { parseFilter, rowMatcher } from './shared/filter';",
        "export { startPgCluster } from './test/unit/electron/services/index/pg-cluster';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    external: ['better-sqlite3', 'pg', 'pg-cursor'],
    // the bundle's CommonJS dependencies call require()
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

/** A small deterministic generator (mulberry32): the same rows every run. */
function randomFrom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `choices` ([value, weight] pairs, weights summing to 1). */
function weighted(random, choices) {
  let x = random();
  for (const [value, weight] of choices) {
    x -= weight;
    if (x < 0) return value;
  }
  return choices.at(-1)[0];
}

const SHARES = [
  ['core-facility', 0.5],
  ['lab-neuro', 0.3],
  ['lab-dev', 0.2],
];
/** With the images that have no sidecar, about half are of mice: the common term; one species is rare (about 100 in a million). */
const SPECIES = [
  ['mouse', 0.7],
  ['rat', 0.1],
  ['zebrafish', 0.07],
  ['human', 0.05],
  ['drosophila', 0.03],
  ['', 0.04985],
  ['axolotl', 0.00015],
];
const GENOTYPES = {
  mouse: [
    ['C57BL/6J', 0.4],
    ['Ai14', 0.15],
    ['Thy1-GFP-M', 0.1],
    ['Cx3cr1-GFP', 0.05],
    ['Pvalb-Cre;Ai14', 0.05],
    ['Sst-Cre;Ai32', 0.001],
    ['', 0.249],
  ],
  zebrafish: [
    ['Tg(elavl3:GCaMP6s)', 0.5],
    ['casper', 0.2],
    ['', 0.3],
  ],
  other: [
    ['wild type', 0.2],
    ['', 0.8],
  ],
};
const OBJECTIVES = [
  { name: 'Plan-Apochromat 63x/1.40 Oil DIC M27', magnification: 63, na: 1.4, immersion: 'Oil' },
  { name: 'Plan-Apochromat 20x/0.8 M27', magnification: 20, na: 0.8, immersion: 'Air' },
  { name: 'C-Apochromat 40x/1.2 W Korr', magnification: 40, na: 1.2, immersion: 'Water' },
  { name: 'HC PL APO 63x/1.40 OIL CS2', magnification: 63, na: 1.4, immersion: 'Oil' },
  { name: 'HC PL APO 10x/0.40 CS2', magnification: 10, na: 0.4, immersion: 'Air' },
  { name: 'Plan Apo VC 60x/1.40 Oil', magnification: 60, na: 1.4, immersion: 'Oil' },
  { name: 'UPLSAPO 30x/1.05 Sil', magnification: 30, na: 1.05, immersion: 'Silicone' },
  { name: 'CFI Plan Apo Lambda 100x Oil', magnification: 100, na: 1.45, immersion: 'Oil' },
  { name: 'XLUMPLFLN 20x/1.0 W', magnification: 20, na: 1.0, immersion: 'Water' },
];
/** Microscopes, each with the objectives (indexes above) mounted on it; one is rare. */
const INSTRUMENTS = [
  [{ manufacturer: 'Zeiss', model: 'LSM 880', objectives: [0, 1, 2], catalogue: 'LSM 880 (room 2.14)' }, 0.3],
  [{ manufacturer: 'Zeiss', model: 'LSM 980', objectives: [0, 1, 2], catalogue: 'LSM 980 Airyscan' }, 0.2],
  [{ manufacturer: 'Leica', model: 'TCS SP8', objectives: [3, 4] }, 0.15],
  [{ manufacturer: 'Nikon', model: 'A1R', objectives: [5, 7] }, 0.1],
  [{ manufacturer: 'Olympus', model: 'FV3000', objectives: [6, 8] }, 0.1],
  [{ manufacturer: 'Nikon', model: 'Ti2-E', objectives: [5, 7] }, 0.1],
  [null, 0.049],
  [{ manufacturer: 'Bruker', model: 'Ultima Investigator', objectives: [8] }, 0.001],
];
const PIXEL_SIZES = [0.0658, 0.1, 0.13, 0.2075, 0.325, 0.415, 0.65, 1];
const CHANNELS = [
  { name: 'DAPI', excitation_nm: 405, emission_nm: 461 },
  { name: 'GFP', fluor: 'Alexa Fluor 488', excitation_nm: 488, emission_nm: 520 },
  { name: 'tdTomato', excitation_nm: 561, emission_nm: 581 },
  { name: 'Cy5', excitation_nm: 640, emission_nm: 670 },
];
const REGIONS = ['V1', 'S1', 'CA1', 'M1', 'PFC', 'retina', 'spinal cord', ''];
const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAYS = 2860;
const pad = (n, width) => String(n).padStart(width, '0');

/** Images in one session folder. */
const PER_FOLDER = 50;

/**
 * Image `i` of the `count` of the facility: its share, its path in the share (the shares and
 * their folders in turn, as an indexer walking them writes them), and its row as the app's
 * table holds it.
 */
export function facilityImage(i, count) {
  const random = randomFrom(i * 2654435761 + 1);
  let first = 0;
  let share = SHARES[0][0];
  for (const [name, part] of SHARES) {
    share = name;
    if (i < first + Math.round(part * count)) break;
    first += Math.round(part * count);
  }
  const folder = Math.floor((i - first) / PER_FOLDER);
  const species = weighted(random, SPECIES);
  const genotype = weighted(random, GENOTYPES[species] ?? GENOTYPES.other);
  const instrument = weighted(random, INSTRUMENTS);
  const objective =
    instrument === null
      ? undefined
      : OBJECTIVES[instrument.objectives[Math.floor(random() * instrument.objectives.length)]];
  const day = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000 + Math.floor(random() * 86_400) * 1000);
  const imagePath = [
    2019 + Math.floor(folder / 3840),
    `project-${pad(Math.floor(folder / 320) % 12, 2)}`,
    `animal-${pad(Math.floor(folder / 8) % 40, 3)}`,
    `session-${folder % 8}`,
    `img-${pad(i, 7)}.tif`,
  ].join('/');
  const sidecar = weighted(random, [
    ['ok', 0.7],
    ['missing', 0.29],
    ['invalid', 0.01],
  ]);
  const pixel = PIXEL_SIZES[Math.floor(random() * PIXEL_SIZES.length)];
  const channels = CHANNELS.slice(0, 1 + Math.floor(random() * CHANNELS.length));
  const acquisition =
    instrument === null
      ? { sources: ['tiff'], written_by: 'tifffile.py', storage: { byte_order: 'little', resolution_levels: 1 } }
      : {
          instrument: { manufacturer: instrument.manufacturer, model: instrument.model },
          objective: { ...objective },
          channels,
          pixel_size_um: { x: pixel, y: pixel, z: random() < 0.5 ? 0.5 : undefined },
          acquired_at: day.toISOString().slice(0, 19),
          software: `${instrument.manufacturer} acquisition 2.${Math.floor(random() * 4)}`,
          sources: ['ome', 'tiff'],
          storage: { dimension_order: 'XYZCT', byte_order: 'little', resolution_levels: 1 },
        };
  const values = {
    species,
    sex: random() < 0.5 ? 'female' : 'male',
    genotype,
    age: `P${30 + Math.floor(random() * 90)}`,
    region: REGIONS[Math.floor(random() * REGIONS.length)],
    cell_type: '',
    depth: Math.round(random() * 400),
    branch_order: null,
    direction: '',
    condition: random() < 0.5 ? 'control' : 'treated',
    condition2: '',
    treatment: '',
    treatment2: '',
    date: day.toISOString().slice(0, 10),
    note: `cell ${i}`,
    physical_unit_y: pixel,
    physical_unit_x: pixel,
    physical_label_y: 'µm',
    physical_label_x: 'µm',
    accepted: random() < 0.6,
  };
  const row = {
    path: imagePath,
    format: 'tiff',
    header: {
      shape: `(${channels.length}, 1024, 1024)`,
      dims: "('C', 'Y', 'X')",
      sizes: `{'C': ${channels.length}, 'Y': 1024, 'X': 1024}`,
      dtype: 'uint16',
      num_channels: channels.length,
      num_scenes: 1,
      date: '',
      time: '',
    },
    fileCalibration: null,
    sidecar,
    version:
      sidecar === 'ok' ? { size: 700 + (i % 300), mtimeMs: day.getTime(), sha256: pad(i.toString(16), 64) } : null,
    values: sidecar === 'ok' ? values : { ...values, species: '', genotype: '', region: '', note: '' },
    errors: sidecar === 'invalid' ? [`${imagePath}.json: Unexpected token } in JSON at position 212`] : [],
    profile: null,
    profileProblems: [],
    acquisition,
    ...(instrument?.catalogue === undefined
      ? {}
      : { catalogue: { instrument: instrument.catalogue, objective: objective.name } }),
  };
  return { share, row, time: day.getTime() };
}

/**
 * Writes images `0 … count-1` (see {@link facilityImage}) into the open `store` through its
 * upsert, 500 a transaction as the indexer writes them; resolves to the seconds it took.
 */
export async function generateImages(code, store, count) {
  const started = performance.now();
  const shareIds = new Map();
  const batches = new Map();
  for (let i = 0; i < count; i++) {
    const { share, row, time } = facilityImage(i, count);
    if (!shareIds.has(share)) {
      shareIds.set(share, await store.shareId(share));
      batches.set(share, []);
    }
    const batch = batches.get(share);
    batch.push({
      path: row.path,
      image: { size: 2_097_152 * row.header.num_channels + 8192, mtimeMs: time, ino: 1_000_000 + i },
      sidecar: row.sidecar === 'missing' ? null : { size: 812, mtimeMs: time + 1000, ino: 3_000_000 + i },
      record: JSON.stringify({ ...code.rowRecord(row), instrument_match: null }),
      row: JSON.stringify(row),
      columns: code.columnsOf(row),
    });
    if (batch.length === 500) {
      await store.write(shareIds.get(share), batch);
      batches.set(share, []);
    }
  }
  for (const [share, batch] of batches) await store.write(shareIds.get(share), batch);
  return (performance.now() - started) / 1000;
}

/**
 * The SQLite index of `count` generated images, made once for this schema and generator
 * (`bench-corpus-index/images-<count>-s<schema>-g<generator>.sqlite`) and kept for later runs;
 * one of an older schema is migrated by opening it as the indexer does. Resolves to the file and
 * the seconds it took to generate (`generated`) or migrate (`migrated`), null when kept as it was.
 */
export async function ensureGeneratedSqlite(code, count) {
  const name = (schema) => path.join(SCRATCH, `images-${count}-s${schema}-g${GENERATOR_VERSION}.sqlite`);
  const file = name(code.MIGRATIONS.length);
  if (existsSync(file)) return { file, generated: null, migrated: null };
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const older = code.MIGRATIONS.map((_, i) => name(i + 1)).findLast((f) => existsSync(f));
  const started = performance.now();
  if (older !== undefined) {
    console.log(`migrating ${path.relative(root, older)} to schema ${code.MIGRATIONS.length} ...`);
    renameSync(older, partial);
    await (await code.openIndex(partial, { write: true, cwd: root })).close();
    renameSync(partial, file);
    return { file, generated: null, migrated: (performance.now() - started) / 1000 };
  }
  console.log(`generating ${count.toLocaleString('en-US')} images into ${path.relative(root, file)} ...`);
  const store = await code.openIndex(partial, { write: true, cwd: root });
  const generated = await generateImages(code, store, count);
  await store.close();
  renameSync(partial, file);
  return { file, generated, migrated: null };
}
