/**
 * Test helper: a private copy of the lab fixture folder (test/fixtures/folders/lab).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';

/** The fixture folder in the repository (never written by tests). */
const LAB_FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/folders/lab');

/** The images of the lab folder that get a row, in the order of a listing (its OIR without a sidecar, `other/scan_02.oir`, gets none). */
export const LAB_IMAGE_PATHS = [
  'cells/multi-channel.ome.tif',
  'hostile/test_ifd_loop_to_self.tif',
  'other/scan_01.oir',
  'plain.tiff',
  'stacks/float.tif',
  'stacks/multipage.tif',
];

/** A temporary directory holding `lab/` (a copy of the fixture) that tests may change. */
export interface LabCopy {
  /** The temporary directory; `lab` is inside it, so tests can put things next to it. */
  base: string;
  lab: string;
  remove(): Promise<void>;
}

/** Copies the lab folder into a new temporary directory. */
export async function copyLab(): Promise<LabCopy> {
  const base = await mkdtemp(path.join(tmpdir(), 'acqmeta-lab-'));
  const lab = path.join(base, 'lab');
  await cp(LAB_FIXTURE, lab, { recursive: true });
  return { base, lab, remove: () => rm(base, { recursive: true, force: true }) };
}

/**
 * Gives every test its own copy, made before and removed after it (call at file or describe
 * level); `lab` and `base` always point into the running test's copy.
 */
export function labCopyPerTest(): Pick<LabCopy, 'base' | 'lab'> {
  let copy: LabCopy | undefined;
  beforeEach(async () => {
    copy = await copyLab();
  });
  afterEach(async () => {
    await copy?.remove();
    copy = undefined;
  });
  const current = (): LabCopy => {
    if (copy === undefined) throw new Error('the lab copy exists only while a test runs');
    return copy;
  };
  return {
    get base() {
      return current().base;
    },
    get lab() {
      return current().lab;
    },
  };
}

/** Every file under a folder (hidden ones too) with its bytes in base64, to show that nothing was written. */
export async function folderBytes(root: string): Promise<Record<string, string>> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  const entries = await Promise.all(
    files.map(async (d) => [
      path.relative(root, path.join(d.parentPath, d.name)),
      (await readFile(path.join(d.parentPath, d.name))).toString('base64'),
    ]),
  );
  return Object.fromEntries(entries);
}
