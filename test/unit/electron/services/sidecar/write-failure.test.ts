import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSidecarFile, writeSidecarFile } from '../../../../../electron/services/sidecar';
import { CANNOT_DENY, denyWrites } from './disk-faults';
import { imageFolder, namesIn } from './temp-folder';

const isRoot = process.getuid?.() === 0;

describe('writeSidecarFile when the disk refuses the write', () => {
  it('reports IO, keeps the old bytes and leaves no temp file behind', async (ctx) => {
    const { dir, image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'old');
    const read = await readSidecarFile(image);
    if (read.state === 'missing') throw new Error('missing');
    // As root, an immutable sidecar: the temp file is written and synced, its rename refused.
    const release = denyWrites(sidecar);
    if (release === null) return ctx.skip(CANNOT_DENY);
    try {
      await expect(writeSidecarFile(image, 'new', read.version)).rejects.toMatchObject({
        code: 'IO',
        message: `cell.tif.json could not be saved: ${isRoot ? 'permission denied' : 'the file is read-only'}`,
      });
    } finally {
      release();
    }
    expect(readFileSync(sidecar, 'utf8')).toBe('old');
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
    // The queue is not stuck after a failure.
    await writeSidecarFile(image, 'new', read.version);
    expect(readFileSync(sidecar, 'utf8')).toBe('new');
  });
});
