import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathOnDisk } from '../../../../../electron/services/folder/same-name';

const COMPOSED = 'caf\u00e9';
const DECOMPOSED = 'cafe\u0301';

describe('pathOnDisk', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'acqmeta-same-name-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('finds each component as written, else as the one entry the same under NFC', async () => {
    await mkdir(path.join(root, DECOMPOSED));
    await writeFile(path.join(root, DECOMPOSED, `${COMPOSED}_1.tif`), '');
    expect(await pathOnDisk(root, `${COMPOSED}/${DECOMPOSED}_1.tif`)).toBe(`${DECOMPOSED}/${COMPOSED}_1.tif`);
    expect(await pathOnDisk(root, `${DECOMPOSED}/${COMPOSED}_1.tif`)).toBe(`${DECOMPOSED}/${COMPOSED}_1.tif`);
    expect(await pathOnDisk(root, `${COMPOSED}/other.tif`)).toBeNull();
    expect(await pathOnDisk(root, `nowhere/${COMPOSED}_1.tif`)).toBeNull();
  });

  it('keeps a name found as written, and matches none when several entries are the same under NFC', async () => {
    // ẹ́ composed (NFC), decomposed (NFD) and decomposed with its two accents the other way round.
    const [nfc, nfd, reordered] = ['\u1eb9\u0301', 'e\u0323\u0301', 'e\u0301\u0323'];
    await writeFile(path.join(root, `${nfc}.tif`), '');
    await writeFile(path.join(root, `${nfd}.tif`), '');
    expect(await pathOnDisk(root, `${nfd}.tif`)).toBe(`${nfd}.tif`);
    expect(await pathOnDisk(root, `${nfc}.tif`)).toBe(`${nfc}.tif`);
    expect(reordered.normalize('NFC')).toBe(nfc);
    expect(await pathOnDisk(root, `${reordered}.tif`)).toBeNull();
  });
});
