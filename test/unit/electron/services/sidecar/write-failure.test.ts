import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSidecarFile, saveFieldChanges } from '../../../../../electron/services/sidecar';
import { fixtureText } from '../../../shared/sidecar/fixture-text';
import { CANNOT_DENY, denyWrites } from './disk-faults';
import { copyFixture, imageFolder, namesIn } from './temp-folder';

const isRoot = process.getuid?.() === 0;

describe('a save when the disk refuses the write', () => {
  it('reports IO, keeps the old bytes and leaves no temp file behind', async (ctx) => {
    const { dir, image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const read = await readSidecarFile(image);
    if (read.state === 'missing') throw new Error('missing');
    const save = () => saveFieldChanges(image, { depth: 80 }, { expected: read.version });
    // As root, an immutable sidecar: the temp file is written and synced, its rename refused.
    const release = denyWrites(sidecar);
    if (release === null) return ctx.skip(CANNOT_DENY);
    try {
      await expect(save()).rejects.toMatchObject({
        code: 'IO',
        message: `cell.tif.json could not be saved: ${isRoot ? 'permission denied' : 'the file is read-only'}`,
      });
    } finally {
      release();
    }
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('canonical.tif.json'));
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
    // The queue is not stuck after a failure.
    await save();
    expect(readFileSync(sidecar, 'utf8')).toBe(
      fixtureText('canonical.tif.json').replace('"depth": 75.0', '"depth": 80.0'),
    );
  });
});
