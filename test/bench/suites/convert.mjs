// Archival OME-TIFF copies: `acqmeta convert --to ome-tiff` (tiled, pyramidal, zlib, verified)
// of a generated 2 GiB stack and of the largest fixture of each format, whole process, in turns
// with tifffile writing the same tiled pyramid from the same source (TIFF and LSM sources: the
// ones tifffile reads) and with a plain copy of the copy's bytes, synced (the disk's limit).
// Medians; throughput is the source's pixel bytes per second.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTable, medianOfEach, python, root } from '../bench-kit.mjs';

const DIR = path.join(root, 'bench-corpus-convert');
const STACK = path.join(DIR, 'stack-2gib.tif');
/** The generated stack: 256 planes of 2,048 × 2,048 uint16 (2 GiB of pixels). */
const STACK_SHAPE = [256, 2048];
const PEER = path.join(root, 'test/bench/write-pyramid.py');
/** AcqMeta's throughput against tifffile's (at least), and its time against the copy's (at most). */
const TARGET_PEER = 1;
const TARGET_COPY = 3;
const RESIDENT_LIMIT_MB = 1024;

/** Whether AcqMeta converts `file` (a fixture may be one the conversion rightly refuses). */
function converts(file) {
  const scratch = path.join(DIR, 'out-trial');
  rmSync(scratch, { recursive: true, force: true });
  const args = ['bin/acqmeta.cjs', 'convert', file, '--to', 'ome-tiff', '-o', scratch];
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' }).status === 0;
}

/** The largest fixture of each format that the conversion converts, and whether tifffile reads it too. */
function fixtures() {
  const dirs = [
    ['tif', 'test/fixtures/e2e-folder/stacks', true],
    ['lsm', 'test/fixtures/tiff/zeiss', true],
    ['czi', 'test/fixtures/formats/czi', false],
    ['nd2', 'test/fixtures/formats/nd2', false],
    ['lif', 'test/fixtures/formats/lif', false],
    ['oib', 'test/fixtures/formats/oib', false],
  ];
  return dirs.flatMap(([format, dir, peer]) => {
    const file = readdirSync(path.join(root, dir))
      .filter((name) => name.toLowerCase().endsWith(`.${format}`))
      .map((name) => path.join(root, dir, name))
      .sort((a, b) => statSync(b).size - statSync(a).size)
      .find(converts);
    return file === undefined ? [] : [{ label: `${format}: ${path.basename(file)}`, file, peer }];
  });
}

/** The 2 GiB stack, written once. */
function ensureStack() {
  const marker = path.join(DIR, '.complete-v1');
  if (existsSync(marker)) return;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  console.log(`writing a ${STACK_SHAPE[0]}-plane stack of ${STACK_SHAPE[1]}² uint16 into ${STACK} ...`);
  execFileSync(python, [PEER, '--stack', STACK, String(STACK_SHAPE[0]), String(STACK_SHAPE[1])], { stdio: 'inherit' });
  writeFileSync(marker, '');
}

/** Total bytes of the files in `dir` (not of its folders: the journal). */
function folderBytes(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(dir, entry.name)).size, 0);
}

/** Pixel bytes of a source, as tifffile-independent AcqMeta reports them: read back from its copies. */
function pixelBytes(dir) {
  const script = [
    'import sys, tifffile',
    'total = 0',
    'for f in sys.argv[1:]:',
    '    with tifffile.TiffFile(f) as t: total += t.series[0].nbytes',
    'print(total)',
  ].join('\n');
  const copies = readdirSync(dir)
    .filter((n) => /\.ome\.tiff?$/.test(n))
    .map((n) => path.join(dir, n));
  return Number(execFileSync(python, ['-c', script, ...copies], { encoding: 'utf8' }));
}

const COPY = [
  'import os, shutil, sys',
  'src, dst = sys.argv[1], sys.argv[2]',
  'shutil.rmtree(dst, ignore_errors=True); os.makedirs(dst)',
  'for name in sorted(n for n in os.listdir(src) if os.path.isfile(os.path.join(src, n))):',
  '    shutil.copyfile(os.path.join(src, name), os.path.join(dst, name))',
  '    fd = os.open(os.path.join(dst, name), os.O_RDONLY); os.fsync(fd); os.close(fd)',
].join('\n');

/** Measures one source: AcqMeta, tifffile (when it reads the source) and the copy, in turns. */
function measureSource({ label, file, peer, compression = 'zlib' }, runs) {
  const out = {
    acqmeta: path.join(DIR, 'out-acqmeta'),
    peer: path.join(DIR, 'out-peer'),
    copy: path.join(DIR, 'out-copy'),
  };
  for (const dir of Object.values(out)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const acqmeta = [
    process.execPath,
    'bin/acqmeta.cjs',
    'convert',
    file,
    '--to',
    'ome-tiff',
    '-o',
    out.acqmeta,
    '--force',
    '--compression',
    compression,
  ];
  execFileSync(acqmeta[0], acqmeta.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const commands = [[acqmeta], [[python, '-c', COPY, out.acqmeta, out.copy]]];
  const peerOut = path.join(out.peer, 'peer.ome.tif');
  if (peer) commands.push([[python, PEER, file, peerOut, ...(compression === 'none' ? ['--uncompressed'] : [])]]);
  const [mine, copy, theirs] = medianOfEach(runs, commands);
  const result = { label, pixels: pixelBytes(out.acqmeta), written: folderBytes(out.acqmeta), mine, copy, theirs };
  // each source as it is measured, so that a later failure does not lose it
  console.log(JSON.stringify(result));
  return result;
}

const mbps = (bytes, seconds) => (bytes / 1e6 / seconds).toFixed(1);

/** The convert suite. */
export const suite = {
  name: 'convert',
  title: 'Archival OME-TIFF copies against tifffile and a plain copy',
  async run() {
    ensureStack();
    const stack = `generated stack ${STACK_SHAPE[0]} × ${STACK_SHAPE[1]}² uint16`;
    const results = [
      measureSource({ label: stack, file: STACK, peer: true }, 3),
      measureSource({ label: `${stack}, uncompressed`, file: STACK, peer: true, compression: 'none' }, 3),
      ...fixtures().map((f) => measureSource(f, 5)),
    ];
    const rows = results.map((r) => [
      r.label,
      `${(r.pixels / 1e6).toFixed(1)} MB`,
      `${r.mine.seconds.toFixed(2)} s (${mbps(r.pixels, r.mine.seconds)} MB/s), CPU ${r.mine.cpuSeconds.toFixed(1)} s`,
      r.theirs
        ? `${r.theirs.seconds.toFixed(2)} s (${mbps(r.pixels, r.theirs.seconds)} MB/s), CPU ${r.theirs.cpuSeconds.toFixed(1)} s`
        : 'does not read it',
      r.theirs ? `${(r.theirs.seconds / r.mine.seconds).toFixed(2)}×` : '–',
      `${r.copy.seconds.toFixed(2)} s`,
      `${(r.mine.seconds / r.copy.seconds).toFixed(1)}×`,
      `${Math.round(r.mine.rssMb)} MB`,
    ]);
    const [zlib, none] = results;
    const ratio = (r) => `${(r.theirs.seconds / r.mine.seconds).toFixed(2)}× (zlib), `;
    const verdict = [
      `- Throughput against tifffile (target ≥ ${TARGET_PEER}×) on the stack: ${ratio(zlib)}${(none.theirs.seconds / none.mine.seconds).toFixed(2)}× (none).`,
      `- Time against the copy of its bytes (target ≤ ${TARGET_COPY}×) on the stack: ${(zlib.mine.seconds / zlib.copy.seconds).toFixed(1)}× (zlib), ${(none.mine.seconds / none.copy.seconds).toFixed(1)}× (none).`,
      `- Peak resident memory on the stack (target < ${RESIDENT_LIMIT_MB} MB): ${Math.round(zlib.mine.rssMb)} MB (zlib), ${Math.round(none.mine.rssMb)} MB (none).`,
    ];
    return [
      markdownTable(
        [
          'Source',
          'Pixels',
          'AcqMeta',
          'tifffile',
          'tifffile time / AcqMeta',
          'Copy of the output',
          'AcqMeta / copy',
          'AcqMeta peak RSS',
        ],
        rows,
      ),
      '',
      ...verdict,
    ].join('\n');
  },
};
