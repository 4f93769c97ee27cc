import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { versionOf } from '../../../../../electron/services/sidecar/opened-file';
import { isOwnWriteOnDisk, rememberWritten } from '../../../../../electron/services/sidecar/written-versions';
import { copyFixture, imageFolder } from './temp-folder';

describe('isOwnWriteOnDisk', () => {
  it('knows the sidecar it wrote, and not one another program changed since, even with the same size and time', async () => {
    const { image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    expect(await isOwnWriteOnDisk(image)).toBe(false); // never written by us
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(sidecar, when, when);
    const { mtimeMs } = statSync(sidecar);
    rememberWritten(sidecar, versionOf(readFileSync(sidecar), mtimeMs));
    expect(await isOwnWriteOnDisk(image)).toBe(true);
    // another program's edit of the same length, its time set back to ours
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"mouse"', '"rat!!"'));
    utimesSync(sidecar, when, when);
    expect(statSync(sidecar).mtimeMs).toBe(mtimeMs);
    expect(await isOwnWriteOnDisk(image)).toBe(false);
  });
});
