import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSidecarFile, sidecarPathFor } from '../../../../../electron/services/sidecar';
import { copyFixture, imageFolder } from './temp-folder';

describe('sidecarPathFor', () => {
  it('appends .json to the full image name', () => {
    expect(sidecarPathFor('/data/cell_01.tif')).toBe('/data/cell_01.tif.json');
    expect(sidecarPathFor('/data/scan.oir')).toBe('/data/scan.oir.json');
  });
});

describe('readSidecarFile', () => {
  it('says when there is no sidecar', async () => {
    const { image } = imageFolder();
    expect(await readSidecarFile(image)).toEqual({ state: 'missing' });
  });

  it('reads a CloudScope sidecar with the version of the bytes on disk', async () => {
    const { image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const bytes = readFileSync(sidecar);
    const file = await readSidecarFile(image);
    if (file.state !== 'ok') throw new Error(`state ${file.state}`);
    expect(file.problems).toEqual([]);
    expect(file.version).toEqual({
      size: bytes.length,
      mtimeMs: statSync(sidecar).mtimeMs,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(file.sidecar.fieldValues()).toMatchObject({ species: 'mouse', depth: 75 });
  });

  it.each([
    ['corrupt.tif.json', "cell.tif.json: not valid JSON: expected ',' or '}' (line 3, column 3)"],
    ['version-3.tif.json', 'cell.tif.json: version is 3; only version 2 is supported (line 37, column 14)'],
    ['missing-rois.tif.json', 'cell.tif.json: required key "rois" is missing'],
  ])('reports %s as invalid, naming the file', async (fixture, message) => {
    const { image, sidecar } = imageFolder();
    copyFixture(fixture, sidecar);
    const file = await readSidecarFile(image);
    expect(file).toMatchObject({ state: 'invalid', problems: [message], version: { size: statSync(sidecar).size } });
    // its text comes along, for the editor to show
    expect(file).toMatchObject({ content: { text: readFileSync(sidecar, 'utf8'), utf8: true } });
  });

  it('reports bytes that are not UTF-8', async () => {
    const { image, sidecar } = imageFolder();
    writeFileSync(sidecar, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(await readSidecarFile(image)).toMatchObject({
      state: 'invalid',
      problems: ['cell.tif.json: not valid UTF-8 text'],
      content: { text: '{"\ufffd"}', utf8: false },
    });
  });

  it.runIf(process.platform !== 'win32')(
    'fails with IO, without waiting, when the sidecar name is a FIFO',
    async () => {
      const { image, sidecar } = imageFolder();
      execFileSync('mkfifo', [sidecar]);
      await expect(readSidecarFile(image)).rejects.toMatchObject({
        code: 'IO',
        message: 'cell.tif.json is not a regular file',
      });
    },
  );

  it('fails with IO when the sidecar name is a folder', async () => {
    const { image, sidecar } = imageFolder();
    mkdirSync(sidecar);
    await expect(readSidecarFile(image)).rejects.toMatchObject({
      code: 'IO',
      message: 'cell.tif.json could not be read: it is a folder',
    });
  });
});
