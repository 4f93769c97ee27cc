/**
 * Test helper: what independent readers say of the TIFFs `acqmeta calibrate` wrote, and the
 * bytes of every strip and tile, hashed straight from the file (tests only: the command reads
 * no pixel). tifffile and ImageJ 1.x are Debian's, as the test dependencies install them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openTiff, readDataLayout, type ByteSource } from '../../../../../shared/tiff';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Writes the tests' TIFFs (ImageJ hyperstacks, OME-TIFF, plain, BigTIFF, big-endian, tiled) into `folder`. */
export function makeTiffs(folder: string): void {
  execFileSync('/usr/bin/python3', [here('make-tiffs.py'), folder]);
}

/** What tifffile reads of each file: resolution, ImageJ and OME metadata, and a hash of the decoded pixels. */
export interface TifffileView {
  path: string;
  x: number | null;
  y: number | null;
  unit: number | null;
  pixels: string;
  imagej?: { unit: string | null; spacing: number | null; finterval: number | null; Labels: string[] | null };
  ome?: Record<string, string | null> & { channels: (string | null)[] };
}

/** tifffile's view of each of `files`, by path. */
export function tifffileViews(files: readonly string[]): Map<string, TifffileView> {
  const out = execFileSync('/usr/bin/python3', [here('read-tiffs.py'), ...files], { encoding: 'utf8' });
  const views = out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TifffileView);
  return new Map(views.map((view) => [view.path, view]));
}

/** What ImageJ 1.x reads of each of `files` (one headless run for all): unit, pixel sizes, interval, labels. */
export function imagejViews(files: readonly string[]): Map<string, Record<string, string>> {
  const out = execFileSync(
    'xvfb-run',
    ['-a', 'java', '-jar', '/usr/share/java/ij.jar', '-batch', here('calibration.ijm'), files.join(',')],
    { encoding: 'utf8' },
  );
  const views = out
    .split('\n')
    .filter((line) => line.startsWith('file='))
    .map((line) => Object.fromEntries(line.split('\t').map((field) => field.split(/=(.*)/s).slice(0, 2))));
  return new Map(views.map((view) => [view.file as string, view as Record<string, string>]));
}

/** A SHA-256 of every strip and tile of every page (reduced levels included), read from the file where its IFDs say. */
export function pixelSegmentsHash(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const source: ByteSource = {
      size: fstatSync(fd).size,
      read: (offset, length) => {
        const bytes = new Uint8Array(length);
        readSync(fd, bytes, 0, length, offset);
        return bytes;
      },
    };
    const { file: tiff } = openTiff(source, { acquisition: false });
    const hash = createHash('sha256');
    const pages = [...tiff.pageOffsets];
    for (let i = 0; i < pages.length; i++) {
      const page = tiff.readUncached(pages[i] as number);
      pages.push(...page.subIfds);
      const { offsets, byteCounts } = readDataLayout(tiff.reader, tiff.format, page);
      offsets.forEach((offset, k) => hash.update(source.read(offset, byteCounts[k] ?? 0)));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
