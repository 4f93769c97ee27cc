// Instrument matching cost: the 10,000-image lab folder (make-corpus.py --lab) scanned with a
// catalogue of six microscopes in force (acqmeta.instruments/ at its root) and without one, in
// turns; medians. `scan --json` then reads the catalogue, matches every image and writes each
// line's instrument_match.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { int, linkOrCopy, listTiffs, markdownTable, median, medianOfEach, root, scanRows } from '../bench-kit.mjs';
import { ensureLabCorpus, LABS } from './acquisition.mjs';

const RUNS = 9;
/** Most a scan with a catalogue in force may take, as a multiple of the scan without (issue 48). */
const TARGET = 1.1;
/** The lab folder's images again (hard links), with the catalogue at its root. */
const WITH_CATALOGUE = path.join(root, 'bench-corpus-catalogue');

/** The microscopes the lab folder's OME-TIFFs name (make-corpus.py's SCOPES) and their objectives (OBJECTIVES). */
const SCOPES = [
  ['Carl Zeiss', 'Axio Observer 7'],
  ['Nikon', 'Eclipse Ti2'],
  ['Leica', 'DMi8'],
  ['Olympus', 'IX83'],
];
const OBJECTIVES = [
  ['Plan-Apochromat 20x/0.8 M27', 20, 0.8, 'Air'],
  ['Plan-Apochromat 40x/1.3 Oil DIC', 40, 1.3, 'Oil'],
  ['C-Apochromat 63x/1.2 W Corr', 63, 1.2, 'Water'],
];
const DYES = [
  [405, 461],
  [488, 510],
  [561, 610],
  [640, 670],
];

/** A Micro-Meta App description of a widefield microscope of the lab folder, as a facility would write it. */
function widefield([maker, model], n) {
  const id = (part) => `scope${n}-${part}`;
  return {
    Schema_ID: 'Instrument.json',
    ID: id('stand'),
    Name: `${model} (room ${n + 1})`,
    Tier: 2,
    ModelVersion: '2.01.0',
    MicroscopeStand: { Schema_ID: 'InvertedMicroscopeStand.json', Manufacturer: maker, Model: model },
    components: [
      ...OBJECTIVES.map(([name, magnification, na, immersion], i) => ({
        Schema_ID: 'Objective.json',
        ID: id(`obj${i}`),
        Name: `${model} obj ${i + 1}`,
        Model: name,
        Magnification: magnification,
        LensNA: na,
        ImmersionType: immersion,
      })),
      ...DYES.map(([ex]) => ({
        Schema_ID: 'Fluorescence_LightSource_Laser.json',
        ID: id(`laser${ex}`),
        Name: `${ex} nm laser`,
        Wavelength: ex,
      })),
      ...DYES.map(([, em]) => ({
        Schema_ID: 'EmissionFilter.json',
        ID: id(`em${em}`),
        Name: `BP ${em}/40`,
        TransmittanceRange: [{ Wavelength: em, FWHMBandwidth: 40 }],
      })),
      { Schema_ID: 'CMOS.json', ID: id('cam'), Name: 'ORCA-Flash4.0 V3', PixelWidth: 6.5, PixelWidthUnit: 'µm' },
    ],
  };
}

/** The catalogue: the four widefields, a confocal no image names, and a real facility's file (test/fixtures). */
function catalogueFiles() {
  const confocal = {
    ...widefield(['Carl Zeiss', 'LSM 880'], 4),
    components: [{ Schema_ID: 'PMT.json', ID: 'lsm-pmt', Name: 'GaAsP' }],
  };
  const real = readFileSync(path.join(root, 'test/fixtures/instruments/abif_axiovert1_.json'), 'utf8');
  return {
    ...Object.fromEntries(SCOPES.map((scope, n) => [`scope-${n + 1}.json`, JSON.stringify(widefield(scope, n))])),
    'lsm-880.json': JSON.stringify(confocal),
    'abif_axiovert1_.json': real,
  };
}

/** The lab folder's images as hard links under {@link WITH_CATALOGUE}, with the catalogue; made again when the lab folder was written after it. */
function ensureWithCatalogue(labDir) {
  const marker = path.join(WITH_CATALOGUE, '.complete.json');
  const written = statSync(path.join(labDir, '.complete-v2.json')).mtimeMs;
  const files = catalogueFiles();
  const stamp = JSON.stringify({ written, files });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return;
  rmSync(WITH_CATALOGUE, { recursive: true, force: true });
  for (const file of listTiffs(labDir)) {
    const to = path.join(WITH_CATALOGUE, path.relative(labDir, file));
    mkdirSync(path.dirname(to), { recursive: true });
    linkOrCopy(file, to);
  }
  mkdirSync(path.join(WITH_CATALOGUE, 'acqmeta.instruments'));
  for (const [name, text] of Object.entries(files))
    writeFileSync(path.join(WITH_CATALOGUE, 'acqmeta.instruments', name), text);
  writeFileSync(marker, stamp);
}

/** Checks both scans list every image, the one without a catalogue matching none; what the one with it matched. */
function checkRows(files) {
  const without = scanRows(LABS.small.dir);
  const matched = scanRows(WITH_CATALOGUE);
  for (const rows of [without, matched])
    if (rows.length !== files) throw new Error(`acqmeta scan listed ${rows.length} of ${files} images`);
  if (without.some((row) => row.instrument_match !== null))
    throw new Error('an image matched with no catalogue in force');
  const count = (test) =>
    int(matched.filter((row) => row.instrument_match !== null && test(row.instrument_match)).length);
  return (
    `${count(() => true)} images with a match, ${count((m) => m.instrument?.ID != null)} to a microscope, ` +
    `${count((m) => m.objective?.ID != null)} to an objective, ` +
    `${count((m) => m.objective?.ID === null && m.objective.candidates.length > 1)} with several candidate objectives, ` +
    `${count((m) => m.light_sources.some((l) => l.ID !== null))} to a light source, ` +
    `${count((m) => m.warnings.length > 0)} with a pixel-size warning`
  );
}

/** The instrument-matching suite. */
export const suite = {
  name: 'instruments',
  title: 'Instrument matching cost on a 10,000-image scan',
  async run() {
    const lab = ensureLabCorpus(LABS.small);
    ensureWithCatalogue(LABS.small.dir);
    const matched = checkRows(lab.files);
    const scan = (dir) => [[process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache'], {}];
    const [withCatalogue, without] = medianOfEach(RUNS, [scan(WITH_CATALOGUE), scan(LABS.small.dir)]);
    const ratio = withCatalogue.seconds / without.seconds;
    const paired = median(withCatalogue.runs.map((seconds, i) => seconds / without.runs[i]));
    const runs = withCatalogue.runs.map((s, i) => `${s.toFixed(3)}/${without.runs[i].toFixed(3)}`).join(', ');
    const table = markdownTable(
      [
        '`acqmeta scan --json --no-cache` of',
        'files',
        'catalogue in force (s)',
        'none (s)',
        'ratio',
        'target',
        'CPU s none → in force',
      ],
      [
        [
          'lab folder',
          int(lab.files),
          withCatalogue.seconds.toFixed(3),
          without.seconds.toFixed(3),
          `${ratio.toFixed(3)}${ratio > TARGET ? ' (**over**)' : ''}`,
          `≤ ${TARGET.toFixed(2)}`,
          `${without.cpuSeconds.toFixed(2)} → ${withCatalogue.cpuSeconds.toFixed(2)}`,
        ],
      ],
    );
    const about =
      `Median of ${RUNS} whole-process runs each, taken in turns after a warm-up run each, warm page cache: the ` +
      'lab folder of the acquisition suite (`make-corpus.py --lab`: 10,000 images, 64×64 planes, the worst case ' +
      'for any per-image cost) and the same images as hard links under `bench-corpus-catalogue/`, whose root holds ' +
      '`acqmeta.instruments/` with six microscopes: the four the OME-TIFFs name, each with the three objectives ' +
      'they record, four lasers, four emission filters and a CMOS camera; a confocal no image names; and a real ' +
      "facility's file (test/fixtures/instruments/abif_axiovert1_.json, 38 placeholders).";
    const detail =
      `${matched}. Runs in turns, in force/none (s): ${runs}; median of the paired ratios ${paired.toFixed(3)}; ` +
      `peak RSS ${Math.round(withCatalogue.rssMb)} MB in force, ${Math.round(without.rssMb)} MB none.`;
    return `${about}\n\n${table}\n\n- ${detail}`;
  },
};
