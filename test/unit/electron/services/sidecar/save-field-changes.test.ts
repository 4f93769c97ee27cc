import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSidecarFile, saveFieldChanges } from '../../../../../electron/services/sidecar';
import { fixtureText, IMAGEJ_2CH_HEADER } from '../../../shared/sidecar/fixture-text';
import { copyFixture, imageFolder, namesIn } from './temp-folder';

/** A new sidecar's source: the ImageJ header, no calibration declared. */
const fromHeader = () => Promise.resolve({ header: IMAGEJ_2CH_HEADER, fileCalibration: null });

async function readOk(image: string) {
  const file = await readSidecarFile(image);
  if (file.state !== 'ok') throw new Error(`state ${file.state}`);
  return file;
}

/** A CloudScope sidecar next to the image, and the version the UI read. */
async function savedCanonical() {
  const paths = imageFolder();
  copyFixture('canonical.tif.json', paths.sidecar);
  return { ...paths, read: await readOk(paths.image) };
}

describe('saveFieldChanges', () => {
  it('changes one line on disk and returns the new version and values', async () => {
    const { image, sidecar, read } = await savedCanonical();
    const result = await saveFieldChanges(image, { depth: 120 }, { expected: read.version }, (saved) =>
      saved.fieldValues(),
    );
    const before = fixtureText('canonical.tif.json').split('\n');
    const after = readFileSync(sidecar, 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['    "depth": 120.0,']);
    expect(result.changed).toBe(true);
    expect(result.taken.depth).toBe(120);
    expect(result.version).toEqual((await readOk(image)).version);
  });

  it('does not write when nothing changes', async () => {
    const { image, sidecar, read } = await savedCanonical();
    const mtime = statSync(sidecar).mtimeMs;
    const result = await saveFieldChanges(image, { species: 'mouse', depth: 75 }, { expected: read.version });
    expect(result).toMatchObject({ changed: false, version: read.version });
    expect(statSync(sidecar).mtimeMs).toBe(mtime);
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('canonical.tif.json'));
  });

  it('creates a missing sidecar from the header and the file calibration', async () => {
    const { dir, image, sidecar } = imageFolder();
    const result = await saveFieldChanges(image, { species: 'mouse' }, { expected: null, newSidecar: fromHeader });
    const expected = fixtureText('minimal-2ch-imagej.tif.json').replace('"species": ""', '"species": "mouse"');
    expect(readFileSync(sidecar, 'utf8')).toBe(expected);
    expect(result).toMatchObject({ changed: true, before: null });
    expect(result.version).toEqual((await readOk(image)).version);
    expect(namesIn(dir)).toEqual(['cell.tif', 'cell.tif.json']);
  });

  it('cannot create a sidecar without the header', async () => {
    const { image, sidecar } = imageFolder();
    await expect(saveFieldChanges(image, { species: 'mouse' }, { expected: null })).rejects.toMatchObject({
      code: 'INVALID_VALUE',
      message: 'cell.tif.json does not exist and the image header is unknown, so it cannot be created',
    });
    expect(existsSync(sidecar)).toBe(false);
  });

  it.each(['corrupt.tif.json', 'version-3.tif.json', 'missing-rois.tif.json'])('never overwrites %s', async (name) => {
    const { image, sidecar } = imageFolder();
    copyFixture(name, sidecar);
    const file = await readSidecarFile(image);
    if (file.state !== 'invalid') throw new Error(`state ${file.state}`);
    const attempt = saveFieldChanges(
      image,
      { species: 'rat' },
      { expected: file.version, overwrite: true, newSidecar: fromHeader },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_SIDECAR',
      message: `${file.problems.map((p) => p.replace('cell.tif.json: ', '')).join('; ')}`,
    });
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText(name));
  });

  it('refuses invalid values before touching the file, listing them all', async () => {
    const { image, sidecar, read } = await savedCanonical();
    await expect(
      saveFieldChanges(image, { branch_order: 2.5, depth: 'abc', species: 'rat' }, { expected: read.version }),
    ).rejects.toMatchObject({
      code: 'INVALID_VALUE',
      message: 'Branch order: must be a whole number (got 2.5); Depth: must be a number in µm (got "abc")',
    });
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('canonical.tif.json'));
  });

  it('detects a change made on disk since the read and keeps it', async () => {
    const { image, sidecar, read } = await savedCanonical();
    const theirs = fixtureText('canonical.tif.json').replace('"species": "mouse"', '"species": "rat"');
    writeFileSync(sidecar, theirs);
    await expect(saveFieldChanges(image, { depth: 80 }, { expected: read.version })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'cell.tif.json changed on disk since it was read',
    });
    expect(readFileSync(sidecar, 'utf8')).toBe(theirs);
    // "Overwrite with mine" puts my change onto their file: both survive.
    const result = await saveFieldChanges(image, { depth: 80 }, { expected: read.version, overwrite: true }, (saved) =>
      saved.fieldValues(),
    );
    expect(result.taken).toMatchObject({ species: 'rat', depth: 80 });
  });

  it('detects a sidecar created by someone else after the image was read without one', async () => {
    const { image, sidecar } = imageFolder();
    copyFixture('old-is-dirty.tif.json', sidecar);
    await expect(
      saveFieldChanges(image, { species: 'mouse' }, { expected: null, newSidecar: fromHeader }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('old-is-dirty.tif.json'));
  });

  it('computes but writes nothing on a dry run', async () => {
    const { image, sidecar, read } = await savedCanonical();
    const result = await saveFieldChanges(
      image,
      { sex: 'M' },
      { expected: read.version, dryRun: true },
      (saved) => saved.text,
    );
    expect(result).toMatchObject({ changed: true, version: read.version });
    expect(result.taken).toContain('"sex": "M",');
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('canonical.tif.json'));
  });
});
