import { readFileSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { readSidecarFile, writeSidecarFile } from '../../../../../electron/services/sidecar';
import { imageFolder, namesIn } from './temp-folder';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

describe('writeSidecarFile when the disk fails', () => {
  it('reports IO, keeps the old bytes and leaves no temp file behind', async () => {
    const { dir, image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'old');
    const read = await readSidecarFile(image);
    if (read.state === 'missing') throw new Error('missing');
    vi.mocked(rename).mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    await expect(writeSidecarFile(image, 'new', read.version)).rejects.toMatchObject({
      code: 'IO',
      message: 'cell.tif.json could not be saved: the disk is full',
    });
    expect(readFileSync(sidecar, 'utf8')).toBe('old');
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
    // The queue is not stuck after a failure.
    await writeSidecarFile(image, 'new', read.version);
    expect(readFileSync(sidecar, 'utf8')).toBe('new');
  });
});
