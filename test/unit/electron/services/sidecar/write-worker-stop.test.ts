import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { saveFieldChanges } from '../../../../../electron/services/sidecar';
import { imageFolder, namesIn } from './temp-folder';

/** A save over whatever is on disk: it must read the sidecar first, through the worker. */
const save = (image: string) => saveFieldChanges(image, { depth: 80 }, { expected: null, overwrite: true });

/** The write worker's script: a test sets it to one that cannot run. */
const script = vi.hoisted(() => ({ path: '' }));
vi.mock('../../../../../electron/services/bundled-script', () => ({
  findBundledScript: (file: string) => {
    if (script.path === '') throw new Error(`${file} not found (run npm run build)`);
    return script.path;
  },
}));

describe('the save path when its write worker cannot run', () => {
  it('fails each save with the reason, at once, and leaves the file as it was', async () => {
    const { dir, image, sidecar } = imageFolder();
    writeFileSync(sidecar, 'old');
    script.path = '';
    await expect(save(image)).rejects.toMatchObject({
      code: 'IO',
      message:
        'cell.tif.json could not be read: the write worker stopped: write-worker.cjs not found (run npm run build)',
    });
    // A worker that dies at start: what waits for it fails too, and the next save tries a new one.
    script.path = path.join(dir, 'broken-worker.cjs');
    writeFileSync(script.path, 'throw new Error("broken on purpose");');
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(save(image)).rejects.toMatchObject({
        code: 'IO',
        message: 'cell.tif.json could not be read: the write worker stopped: broken on purpose',
      });
    }
    expect(readFileSync(sidecar, 'utf8')).toBe('old');
    expect(namesIn(dir)).toEqual(['broken-worker.cjs', 'cell.tif', 'cell.tif.json']);
  });
});
