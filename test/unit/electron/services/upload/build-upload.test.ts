/**
 * The upload builder's own promises: two raw files whose OME-TIFF copies would take one name are
 * refused before anything is built; the dry run's to-do names the copies the build writes; a cancel leaves neither an upload nor a staging folder;
 * across disks (no hard link) each file is a copy that reads back equal; progress counts bytes
 * of the folder's files, up to their total.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUpload, planUpload, previewTodo, type UploadProgress } from '../../../../../electron/services/upload';
import { sameBytes } from '../../cli/upload-lab';

const CZI = fileURLToPath(new URL('../../../../fixtures/formats/czi/czitools_DAPI_GFP.czi', import.meta.url));
const OME_TIFF = fileURLToPath(
  new URL('../../../../fixtures/acquisition/ome-tiff/bioformats_spec_single-channel.ome.tif', import.meta.url),
);
const ND2 = fileURLToPath(new URL('../../../../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));
/** A folder on another file system than the temporary folder (tmpfs), where no hard link reaches. */
const OTHER_DISK = '/dev/shm';

let base: string;
let lab: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'acqmeta-upload-'));
  lab = path.join(base, 'lab');
  await mkdir(lab);
  await copyFile(CZI, path.join(lab, 'a.czi'));
  await copyFile(CZI, path.join(lab, 'b.czi'));
});
afterEach(() => rm(base, { recursive: true, force: true }));

describe('buildUpload', () => {
  it('refuses, before anything is built, raw files whose OME-TIFF copies would take one name', async () => {
    await mkdir(path.join(lab, 'day2'));
    await copyFile(ND2, path.join(lab, 'day2', 'A.nd2'));
    const planned = planUpload(lab, 'hubmap:confocal');
    await expect(planned).rejects.toThrow(
      'a.czi: its OME-TIFF copy would be lab_processed/images/a.ome.tiff, as would that of day2/A.nd2; rename one',
    );
    await expect(planned).rejects.toThrow('day2/A.nd2: its OME-TIFF copy would be lab_processed/images/A.ome.tiff');
    // HTAN keeps each image where the folder has it, and no OME-TIFF copy: nothing to refuse
    await expect(planUpload(lab, 'htan:imaging-level-2')).resolves.toMatchObject({ dataset: 'lab' });
  });

  it('names in the --dry-run to-do the OME-TIFF copy the build writes', async () => {
    await copyFile(OME_TIFF, path.join(lab, 'cells.ome.tif'));
    const plan = await planUpload(lab, 'hubmap:confocal');
    const rows = previewTodo(plan).map((item) => item.row);
    expect(rows).toContain('lab_processed/images/cells.ome.tiff');
    const built = await buildUpload({ plan, upload: path.join(base, 'upload'), force: false, onProgress: () => {} });
    expect(built.todo.map((item) => item.row)).toContain('lab_processed/images/cells.ome.tiff');
  });

  it('leaves nothing, not even its staging folder, when cancelled', async () => {
    const plan = await planUpload(lab, 'hubmap:confocal');
    const controller = new AbortController();
    const built = buildUpload({
      plan,
      upload: path.join(base, 'upload'),
      force: false,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(built).rejects.toThrow();
    expect((await readdir(base)).sort()).toEqual(['lab']);
  });

  it('copies and verifies each file where the disk makes no hard link, and counts its bytes', async () => {
    const other = await mkdtemp(path.join(OTHER_DISK, 'acqmeta-upload-'));
    try {
      const plan = await planUpload(lab, 'htan:imaging-level-2');
      const seen: UploadProgress[] = [];
      const outcome = await buildUpload({
        plan,
        upload: path.join(other, 'upload'),
        force: false,
        onProgress: (progress) => seen.push(progress),
      });
      expect(outcome).toMatchObject({ linked: 0, copied: 2, converted: 0 });
      for (const name of ['a.czi', 'b.czi']) {
        const copy = path.join(other, 'upload', 'lab', name);
        expect(await sameBytes(copy, path.join(lab, name))).toEqual([copy, true]);
      }
      const total = 2 * (await readFile(CZI)).length;
      expect(seen.every((progress) => progress.total === total)).toBe(true);
      expect(seen.map((progress) => progress.done)).toEqual(
        [...seen.map((progress) => progress.done)].sort((a, b) => a - b),
      );
      expect(seen.at(-1)?.done).toBe(total);
      expect((await readdir(other)).sort()).toEqual(['upload']);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
