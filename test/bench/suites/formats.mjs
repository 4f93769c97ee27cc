// Vendor header rate: `acqmeta scan` of many copies of the CZI, ND2, LIF and OIB fixtures
// against `acqmeta scan` of TIFF stacks of the same byte sizes, whole process, in turns; medians.
// In-process, for information: the bytes each header read takes from its file, and its time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  importSource,
  int,
  linkOrCopy,
  markdownTable,
  median,
  medianOfEach,
  memorySource,
  python,
  root,
  scanRows,
} from '../bench-kit.mjs';

const RUNS = 9;
/** Copies of each fixture (and of its same-size TIFF) in the scanned folders. */
const COPIES = 250;
const FOLDERS = 10;
const FORMATS = ['czi', 'nd2', 'lif', 'oib'];
/** Vendor headers per second against TIFF headers per second on files of the same sizes. */
const TARGET_RATIO = 0.5;
/** In-process timing: rounds of at least MEASURE_MS for each file. */
const ROUNDS = 5;
const MEASURE_MS = 20;

/** The vendor fixtures: format, file, size. */
function fixtures() {
  return FORMATS.flatMap((format) => {
    const dir = path.join(root, 'test/fixtures/formats', format);
    return readdirSync(dir)
      .sort()
      .map((name) => ({ format, name, file: path.join(dir, name), size: statSync(path.join(dir, name)).size }));
  });
}

/**
 * Writes a TIFF stack of each fixture's size (`tmp/sized/`), then `tmp/vendor/` and `tmp/tiff/`:
 * COPIES of each fixture and of its TIFF, in FOLDERS folders (hard links where the disk allows).
 */
function writeCorpus(tmp, list) {
  const sized = path.join(tmp, 'sized');
  const sizes = [...new Set(list.map((f) => String(f.size)))];
  execFileSync(python, [path.join(root, 'test/bench/make-corpus.py'), '--sized', sized, ...sizes], {
    stdio: 'inherit',
  });
  for (const f of list) f.tiff = path.join(sized, `${f.size}.tif`);
  for (let copy = 0; copy < COPIES; copy++) {
    const folder = String(copy % FOLDERS).padStart(2, '0');
    for (const kind of ['vendor', 'tiff']) mkdirSync(path.join(tmp, kind, folder), { recursive: true });
    for (const f of list) {
      const { name, ext } = path.parse(f.name);
      linkOrCopy(f.file, path.join(tmp, 'vendor', folder, `${name}-${copy}${ext}`));
      linkOrCopy(f.tiff, path.join(tmp, 'tiff', folder, `${name}-${copy}.tif`));
    }
  }
}

/** Checks that `acqmeta scan` reads every file of `dir` with a header and no error. */
function checkRows(dir, files) {
  const rows = scanRows(dir);
  const bad = rows.filter((row) => row.header === null || row.errors.length > 0);
  if (rows.length !== files || bad.length > 0)
    throw new Error(`acqmeta scan read ${rows.length} of ${files} files in ${dir}, ${bad.length} with errors`);
}

/**
 * Per fixture, in-process and from memory, the header reads the scan worker makes (vendor: header
 * and summary; TIFF: summary): bytes and reads per header, and ms per header (median of rounds of
 * at least MEASURE_MS, taken in turns with the same-size TIFF).
 */
async function inProcess(list) {
  const { readVendorHeader, vendorSummaryOf, readTiffSummary } = await importSource([
    "export { readVendorHeader, vendorSummaryOf } from './shared/formats';",
    "export { readTiffSummary } from './shared/tiff';",
  ]);
  const readers = {
    vendor: async (source) => vendorSummaryOf(readVendorHeader(source, source.name)),
    tiff: (source) => readTiffSummary(source, { fileName: source.name }),
  };
  const results = [];
  for (const f of list) {
    // one file at a time: the TIFF reader is async, and timed loops must not interleave
    const out = { ...f };
    const sources = { vendor: memorySource(f.file, f.name), tiff: memorySource(f.tiff, `${f.size}.tif`) };
    for (const kind of ['vendor', 'tiff']) {
      const source = sources[kind];
      await readers[kind](source); // warm-up; also what one header reads
      out[kind] = { bytes: source.bytesRead, reads: source.reads, ms: [] };
      const start = performance.now();
      await readers[kind](source);
      out[kind].repeat = Math.max(1, Math.ceil(MEASURE_MS / (performance.now() - start)));
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['vendor', 'tiff']) {
        const start = performance.now();
        for (let r = 0; r < out[kind].repeat; r++) await readers[kind](sources[kind]);
        out[kind].ms.push((performance.now() - start) / out[kind].repeat);
      }
    }
    for (const kind of ['vendor', 'tiff']) out[kind].ms = median(out[kind].ms);
    results.push(out);
  }
  return results;
}

/** `12 KB` (kilobytes of 1,000 bytes: what a file manager shows), `1.2 MB` */
function size(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

/** The vendor-formats suite. */
export const suite = {
  name: 'formats',
  title: 'Vendor header rate against same-size TIFFs',
  async run() {
    const list = fixtures();
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-bench-formats-'));
    try {
      writeCorpus(tmp, list);
      const files = list.length * COPIES;
      const vendorDir = path.join(tmp, 'vendor');
      const tiffDir = path.join(tmp, 'tiff');
      checkRows(vendorDir, files);
      checkRows(tiffDir, files);
      const scan = (dir) => [process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache'];
      const [vendor, tiff] = medianOfEach(RUNS, [[scan(vendorDir)], [scan(tiffDir)]]);
      const ratio = tiff.seconds / vendor.seconds;
      const headline = markdownTable(
        ['`acqmeta scan --json --no-cache` of', 'files', 'files/s (median)', 'runs in turns (s)', 'peak RSS'],
        [
          ['CZI, ND2, LIF and OIB fixtures', vendor],
          ['TIFF stacks of the same sizes', tiff],
        ].map(([label, run]) => [
          label,
          int(files),
          int(files / run.seconds),
          run.runs.map((s) => s.toFixed(3)).join(', '),
          `${Math.round(run.rssMb)} MB`,
        ]),
      );
      const verdict = `Vendor rate against the TIFF rate: **${ratio.toFixed(2)}x** (target ≥ ${TARGET_RATIO}x${
        ratio >= TARGET_RATIO ? ', met' : ', **not met**'
      }).`;
      const measured = await inProcess(list);
      const detail = markdownTable(
        [
          'fixture',
          'size',
          'bytes read per header (share of file)',
          'reads',
          'ms per header',
          'same-size TIFF: bytes read (reads)',
          'TIFF: ms per header',
        ],
        measured.map((m) => [
          `${m.format}/${m.name}`,
          size(m.size),
          `${size(m.vendor.bytes)} (${((100 * m.vendor.bytes) / m.size).toFixed(1)}%)`,
          String(m.vendor.reads),
          m.vendor.ms.toFixed(3),
          `${size(m.tiff.bytes)} (${m.tiff.reads})`,
          m.tiff.ms.toFixed(3),
        ]),
      );
      const about =
        `The ${list.length} vendor fixtures of \`test/fixtures/formats/\` (${FORMATS.map(
          (f) => `${list.filter((x) => x.format === f).length} ${f.toUpperCase()}`,
        ).join(', ')}), ${COPIES} copies of each (hard links) in ${FOLDERS} folders of a temporary folder, against ` +
        'as many TIFF stacks of the same byte sizes (`make-corpus.py --sized`: tifffile stacks of 64 KiB pages, ' +
        'padded to the byte), the same number of each. No CZI, ND2, LIF or OIB reader for Python is installed ' +
        `here (no PyPI), so the peer is AcqMeta's own TIFF reader. Median of ${RUNS} whole-process runs each, in ` +
        'turns after a warm-up run each, warm page cache.';
      const inProcessAbout =
        'In-process, for information (files read whole into memory, through a byte source that counts what the ' +
        'reader asks of it): what one header read takes from its file, the reads it makes, and its time (median ' +
        `of ${ROUNDS} rounds of at least ${MEASURE_MS} ms, vendor and TIFF in turns, one thread).`;
      return `${about}\n\n${headline}\n\n${verdict}\n\n${inProcessAbout}\n\n${detail}`;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
