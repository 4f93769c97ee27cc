import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDatasetPaths } from '../../../../../electron/services/folder';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'acqmeta-dataset-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listDatasetPaths bounds', () => {
  it('refuses a folder past the path limit, naming the limit', async () => {
    await mkdir(path.join(root, 'images'));
    for (let i = 0; i < 6; i++) await writeFile(path.join(root, 'images', `${i}.tif`), '');
    await expect(listDatasetPaths(root, 7)).resolves.toHaveLength(6);
    await expect(listDatasetPaths(root, 5)).rejects.toThrow('more than 5 files: too many to check');
  });

  it('a folder it cannot list is an error naming it', async () => {
    await expect(listDatasetPaths(path.join(root, 'gone'))).rejects.toThrow('.: cannot be listed');
  });
});
