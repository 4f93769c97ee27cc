/**
 * A calibration write opens the image for writing once (issue 79's speed): the one descriptor,
 * opened while the image's lock is taken, is what the write checks against its review and
 * writes through.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import {
  applyCalibration,
  reviewCalibration,
  tiffHeaderHere,
  type CalibrationWrites,
} from '../../../../../electron/services/calibrate';
import type { ImageEntry } from '../../../../../electron/services/folder';
import { journalPlaces, journalWrites } from '../../../../../electron/services/journal';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';
import { writeOnThisThread } from '../../../../../electron/services/sidecar';
import type { CalibrationRequest } from '../../../../../shared/tiff-calibration';
import { tiffWithTags } from '../../../shared/acquisition/tiff-with-tags';

/** Every file opened through `node:fs/promises`, with its flags. */
const opened = vi.hoisted(() => [] as { file: string; flags: unknown }[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = (file, flags, mode) => {
    opened.push({ file: String(file), flags });
    return actual.open(file, flags, mode);
  };
  return { ...actual, default: { ...actual, open }, open };
});

let base: string;
let image: string;

beforeAll(() => {
  writeOnThisThread();
});

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-write-opens-'));
  image = path.join(base, 'plain.tif');
  // 72 dpi, as an export leaves it
  writeFileSync(
    image,
    tiffWithTags([
      { code: 282, rational: [72, 1] },
      { code: 283, rational: [72, 1] },
      { code: 296, short: 2 },
    ]),
  );
  opened.length = 0;
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

const request: CalibrationRequest = { pixelSize: { x: 0.5, y: 0.5 }, unit: 'um' };

/** The review and the writes of `request` into the image, as `acqmeta calibrate` makes them. */
async function calibrate() {
  const entry: ImageEntry = { relPath: 'plain.tif', absPath: image, format: 'tiff', sidecar: 'none' };
  const places = journalPlaces({ roots: [base] });
  const action = { tool: 'acqmeta', action: 'calibrate --pixel-size 0.5', batch: 'b1' };
  const writes: CalibrationWrites = {
    journal: { places, ...action },
    save: {
      header: tiffHeaderHere,
      profiles: createProfileFinder(createProfileCache(), { root: base }),
      journal: journalWrites(places, action),
    },
  };
  return applyCalibration(await reviewCalibration([entry], request), request, writes);
}

const writeOpens = () => opened.filter((o) => o.file === image && o.flags === 'r+').length;

/** The 16 bytes of the image's one strip (its offset read from the first IFD's StripOffsets entry). */
function strip(bytes: Buffer): Buffer {
  const ifd = bytes.readUInt32LE(4);
  const count = bytes.readUInt16LE(ifd);
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (bytes.readUInt16LE(at) === 273)
      return bytes.subarray(bytes.readUInt16LE(at + 8), bytes.readUInt16LE(at + 8) + 16);
  }
  throw new Error('no strip');
}

it('opens the image for writing once, and writes its header through it, its pixels as they were', async () => {
  const before = readFileSync(image);
  expect(await calibrate()).toEqual([{ kind: 'written' }]);
  expect(writeOpens()).toBe(1);
  const after = readFileSync(image);
  expect(after.length).toBeGreaterThan(before.length);
  expect(strip(after)).toEqual(strip(before));
  expect(readFileSync(`${image}.json`, 'utf8')).toContain('"physical_unit_x": 0.5');
});
