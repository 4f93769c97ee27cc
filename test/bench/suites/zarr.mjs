// CloudScope collections: `acqmeta export <folder> --format cloudscope-collection` (staged,
// verified, renamed), whole process, in turns with the same pixel work done by numpy and c-blosc
// (write-zarr-chunks.py: the same levels and chunks, no documents, no check) and with a plain
// copy of the source folder (the disk's limit). Two folders: a microscope's (24 images of
// 2,048² planes and 1,024² Z stacks, 384 MiB of pixels) and the 10,000-image lab folder of the
// first-rows suite (mostly 64 × 64 images, every other one with a sidecar), where what counts
// is the cost per image and that memory stays bounded. Medians; throughput is the sources'
// pixel bytes per second.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTable, medianOfEach, python, root } from '../bench-kit.mjs';

const DIR = path.join(root, 'bench-corpus-zarr');
const MICROSCOPE = path.join(DIR, 'microscope');
const LAB = path.join(root, 'bench-corpus-lab');
const PEER = path.join(root, 'test/bench/write-zarr-chunks.py');
/** Peak resident memory of an export, at most (one image's pixels and their chunks at a time). */
const RESIDENT_LIMIT_MB = 512;

/** The microscope folder, written once. */
function ensureMicroscope() {
  const marker = path.join(MICROSCOPE, '.complete-v1');
  if (existsSync(marker)) return;
  rmSync(MICROSCOPE, { recursive: true, force: true });
  console.log(`writing the microscope folder into ${MICROSCOPE} ...`);
  execFileSync(python, [path.join(root, 'test/bench/make-zarr-corpus.py'), MICROSCOPE], { stdio: 'inherit' });
  writeFileSync(marker, '');
}

/** The first-rows suite's 10,000-image lab folder, written once. */
function ensureLab() {
  const maker = path.join(root, 'test/bench/make-lab-corpus.py');
  const sources = path.join(LAB, 'sources');
  if (!existsSync(path.join(sources, '.complete-v1'))) {
    rmSync(LAB, { recursive: true, force: true });
    console.log(`writing the 4,320 lab sources into ${sources} ...`);
    execFileSync(python, [maker, 'sources', sources], { stdio: 'inherit' });
    writeFileSync(path.join(sources, '.complete-v1'), '');
  }
  const folder = path.join(LAB, '10k');
  if (!existsSync(path.join(folder, '.complete-v1'))) {
    rmSync(folder, { recursive: true, force: true });
    execFileSync(python, [maker, 'links', sources, folder, '10000'], { stdio: 'inherit' });
    writeFileSync(path.join(folder, '.complete-v1'), '');
  }
  return folder;
}

/** The pixel bytes of the TIFFs under `folder`, as tifffile reads them. */
function pixelBytes(folder) {
  const script = [
    'import os, sys, tifffile',
    'total = 0',
    'for d, _, names in os.walk(sys.argv[1]):',
    '    for n in names:',
    "        if n.lower().endswith(('.tif', '.tiff')):",
    '            with tifffile.TiffFile(os.path.join(d, n)) as t: total += t.series[0].nbytes',
    'print(total)',
  ].join('\n');
  return Number(execFileSync(python, ['-c', script, folder], { encoding: 'utf8' }));
}

const COPY = [
  'import shutil, sys',
  'shutil.rmtree(sys.argv[2], ignore_errors=True)',
  'shutil.copytree(sys.argv[1], sys.argv[2])',
].join('\n');

/** Where earlier runs' outputs are moved, to be removed after the measurements. */
const TRASH = path.join(DIR, 'trash');

/**
 * A command run after `out` is moved out of the way (each run starts from nothing; a rename, so
 * that removing the last run's 500,000 files is not timed).
 */
const fresh = (out, command) => [
  python,
  '-c',
  [
    'import os, subprocess, sys, uuid',
    'if os.path.exists(sys.argv[1]): os.rename(sys.argv[1], os.path.join(sys.argv[2], uuid.uuid4().hex))',
    'sys.exit(subprocess.run(sys.argv[3:]).returncode)',
  ].join('\n'),
  out,
  TRASH,
  ...command,
];

/** Measures one folder: AcqMeta's export, the numpy + c-blosc peer and the copy, in turns. */
function measureFolder(label, folder, runs) {
  const out = {
    acqmeta: path.join(DIR, 'out.ome.zarr'),
    peer: path.join(DIR, 'out-peer'),
    copy: path.join(DIR, 'out-copy'),
  };
  mkdirSync(TRASH, { recursive: true });
  const acqmeta = [
    process.execPath,
    'bin/acqmeta.cjs',
    'export',
    folder,
    '--format',
    'cloudscope-collection',
    '-o',
    out.acqmeta,
  ];
  const [mine, peer, copy] = medianOfEach(runs, [
    [fresh(out.acqmeta, acqmeta)],
    [fresh(out.peer, [python, PEER, folder, out.peer])],
    [[python, '-c', COPY, folder, out.copy]],
  ]);
  for (const dir of [...Object.values(out), TRASH]) rmSync(dir, { recursive: true, force: true });
  const result = { label, pixels: pixelBytes(folder), mine, peer, copy };
  console.log(JSON.stringify(result));
  return result;
}

const mbps = (bytes, seconds) => (bytes / 1e6 / seconds).toFixed(1);

/** The zarr suite. */
export const suite = {
  name: 'zarr',
  title: 'CloudScope collections against numpy + c-blosc and a plain copy',
  async run() {
    ensureMicroscope();
    const lab = ensureLab();
    const results = [
      measureFolder('microscope folder: 16 planes of 2,048², 8 Z stacks of 16 × 1,024² (uint16)', MICROSCOPE, 3),
      ...(process.env.BENCH_ZARR_LAB === '0'
        ? []
        : [measureFolder('lab folder: 10,000 images (first-rows suite)', lab, 1)]),
    ];
    const rows = results.map((r) => [
      r.label,
      `${(r.pixels / 1e6).toFixed(1)} MB`,
      `${r.mine.seconds.toFixed(2)} s (${mbps(r.pixels, r.mine.seconds)} MB/s), CPU ${r.mine.cpuSeconds.toFixed(1)} s`,
      `${r.peer.seconds.toFixed(2)} s (${mbps(r.pixels, r.peer.seconds)} MB/s)`,
      `${(r.mine.seconds / r.peer.seconds).toFixed(1)}×`,
      `${r.copy.seconds.toFixed(2)} s`,
      `${(r.mine.seconds / r.copy.seconds).toFixed(1)}×`,
      `${Math.round(r.mine.rssMb)} MB ${r.mine.rssMb <= RESIDENT_LIMIT_MB ? '✓' : '✗'}`,
    ]);
    return [
      markdownTable(
        [
          'folder',
          'pixels',
          'AcqMeta export',
          'numpy + c-blosc (no check)',
          'AcqMeta ÷ peer',
          'plain copy',
          'AcqMeta ÷ copy',
          `peak memory (≤ ${RESIDENT_LIMIT_MB} MB)`,
        ],
        rows,
      ),
      '',
      'AcqMeta: `acqmeta export <folder> --format cloudscope-collection -o out.ome.zarr`, whole process, output removed before each run: ' +
        'every image read, its levels halved and chunked, each chunk a Blosc frame (Zstandard level 5, bit shuffle) built in JavaScript and WebAssembly, ' +
        'the sidecars and manifests written, then the whole collection checked against acqstore’s contract and every plane of every level read back and compared. ' +
        'Peer: write-zarr-chunks.py, the same levels and chunks with tifffile, numpy and c-blosc (numcodecs), no documents and no check. ' +
        'Copy: `shutil.copytree` of the source folder (the copy removes its last output inside its timed run). Medians of 3 runs in turns (the lab folder: 1 run after a warm-up, each).',
    ].join('\n');
  },
};
