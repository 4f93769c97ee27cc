import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCachedRow } from '../../../../../electron/services/rows/cached-row';
import { NO_SCAN_CACHE } from '../../../../../electron/services/scan-cache/scan-cache';
import { readSnapshot } from '../../../../../electron/services/sidecar/file-snapshot';
import { createTiffScanner, type SidecarBytes, type TiffScanner } from '../../../../../electron/services/tiff';
import { buildScanWorker } from './build-worker';

const TIFF = path.resolve(__dirname, '../../../../fixtures/tiff/generated/float32.tif');
const SIDECAR = path.resolve(__dirname, '../../../../fixtures/sidecars/canonical.tif.json');

let worker: Awaited<ReturnType<typeof buildScanWorker>>;
let scanner: TiffScanner;
let dir: string;

beforeAll(async () => {
  worker = await buildScanWorker();
  scanner = createTiffScanner({ workerScript: worker.script, workers: 2 });
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-scan-sidecars-'));
});

afterAll(async () => {
  await scanner.close();
  await worker.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** `count` copies of a TIFF in a new folder, each with a sidecar of its own bytes (sizes differ). */
function imagesWithSidecars(name: string, count: number): string[] {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  const canonical = readFileSync(SIDECAR, 'utf8');
  return Array.from({ length: count }, (_, i) => {
    const image = path.join(folder, `cell-${i}.tif`);
    copyFileSync(TIFF, image);
    writeFileSync(
      `${image}.json`,
      canonical.replace('"note": "first line', `"note": "${'é'.repeat(i)}${i}: first line`),
    );
    return image;
  });
}

const snapshotOf = (read: SidecarBytes | undefined) => {
  if (read === undefined || read === null || 'problem' in read)
    throw new Error(`no sidecar read: ${JSON.stringify(read)}`);
  return read;
};

describe('sidecars read by the scan worker beside their images’ headers', () => {
  it('gives each image its own sidecar bytes, and the version and permissions the main-thread reader gives', async () => {
    const images = imagesWithSidecars('many', 150);
    const reads = await Promise.all(images.map((image) => scanner.summary(image, { sidecar: 'read' })));
    const { header } = await scanner.scan(TIFF);
    for (const [i, image] of images.entries()) {
      const read = snapshotOf(reads[i]?.sidecarRead);
      expect(Buffer.from(read.bytes).equals(readFileSync(`${image}.json`))).toBe(true);
      const expected = await readSnapshot(`${image}.json`, `cell-${i}.tif.json`, image);
      expect({ version: read.version, mode: read.mode, writable: read.writable }).toEqual({
        version: expected?.version,
        mode: expected?.mode,
        writable: expected?.writable,
      });
      expect(reads[i]?.info?.header.shape).toBe(header.shape);
    }
  });

  it('says when there is no sidecar, words a sidecar it cannot read as the main-thread reader does, and reads none unless asked', async () => {
    const [missing, folder] = imagesWithSidecars('odd', 2);
    rmSync(`${missing}.json`);
    rmSync(`${folder}.json`);
    mkdirSync(`${folder}.json`);
    expect((await scanner.summary(missing as string, { sidecar: 'read' })).sidecarRead).toBeNull();
    expect((await scanner.summary(folder as string, { sidecar: 'read' })).sidecarRead).toEqual({
      problem: 'cell-1.tif.json could not be read: it is a folder',
    });
    const stamped = await scanner.summary(folder as string, { sidecar: 'stamp' });
    expect(stamped).not.toHaveProperty('sidecarRead');
    expect(stamped.sidecar).toBeNull();
  });

  it('makes the sidecar read wait on a slow disk, as every other read does', async () => {
    const [image] = imagesWithSidecars('slow', 1);
    const known = (await scanner.summary(image as string)).stamp;
    vi.stubEnv('ACQMETA_READ_DELAY_MS', '300');
    const slow = createTiffScanner({ workerScript: worker.script, workers: 1 }); // its worker starts with the delay
    try {
      const started = performance.now();
      // the header is known and unchanged (only stated): the one read that waits is the sidecar's
      const read = await slow.summary(image as string, { known, sidecar: 'read' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(300);
      expect(read.info).toBeNull();
      expect(snapshotOf(read.sidecarRead).version.size).toBe(statSync(`${image}.json`).size);
    } finally {
      vi.unstubAllEnvs();
      await slow.close();
    }
  });

  it('still shows the sidecar of an image whose header cannot be read', async () => {
    const [image] = imagesWithSidecars('broken', 1);
    writeFileSync(image as string, 'not a TIFF at all');
    const entry = {
      relPath: 'cell-0.tif',
      absPath: image as string,
      format: 'tiff' as const,
      sidecar: 'file' as const,
    };
    const row = await buildCachedRow(path.dirname(image as string), entry, scanner, NO_SCAN_CACHE);
    expect(row.sidecar).toBe('ok');
    expect(row.values.note).toMatch(/^0: first line\n/);
    expect(row.errors).toEqual([expect.stringContaining('cell-0.tif: ')]);
  });
});
