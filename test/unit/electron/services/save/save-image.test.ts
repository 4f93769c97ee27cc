import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { imageFormat, type ImageEntry } from '../../../../../electron/services/folder';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';
import { defaultValues, type ImageScan } from '../../../../../electron/services/rows';
import { saveImageChanges, type SaveContext } from '../../../../../electron/services/save';
import { Sidecar } from '../../../../../shared/sidecar/sidecar';
import { fixtureText, IMAGEJ_2CH_HEADER } from '../../../shared/sidecar/fixture-text';
import { copyFixture, imageFolder } from '../sidecar/temp-folder';

/** The image `cell.tif` (or `name`) of a fresh folder as the walk lists it. */
function entryIn(dir: string, name = 'cell.tif'): ImageEntry {
  return { relPath: name, absPath: path.join(dir, name), format: imageFormat(name) ?? 'tiff', sidecar: 'none' };
}

/** A context whose images all have the ImageJ header (or `scan`), under the profiles of `root`. */
function contextFor(root: string, scan?: ImageScan, dryRun = false): SaveContext {
  const header = scan ?? ({ ok: true, info: { header: IMAGEJ_2CH_HEADER, fileCalibration: null } } as ImageScan);
  return {
    header: () => Promise.resolve(header),
    profiles: createProfileFinder(createProfileCache(), { root }),
    dryRun,
  };
}

/** A lab profile at `dir` whose Species is one of mouse and rat. */
function speciesProfile(dir: string): void {
  const profile = {
    type: 'object',
    properties: {
      experiment_metadata: { type: 'object', properties: { species: { enum: ['mouse', 'rat'] } } },
    },
  };
  writeFileSync(path.join(dir, 'acqmeta.profile.json'), JSON.stringify(profile));
}

describe('saveImageChanges, the one save path', () => {
  it('creates a missing sidecar from the header and reports the fields against the defaults', async () => {
    const { dir, sidecar } = imageFolder();
    const saved = await saveImageChanges(
      entryIn(dir),
      { changes: { species: 'mouse' }, expected: null },
      contextFor(dir),
    );
    expect(saved.kind).toBe('created');
    expect(saved.diffs).toEqual([{ name: 'species', before: '', after: 'mouse' }]);
    expect(readFileSync(sidecar, 'utf8')).toBe(
      fixtureText('minimal-2ch-imagej.tif.json').replace('"species": ""', '"species": "mouse"'),
    );
  });

  it('edits an existing sidecar, changing only its line, and says when nothing changes', async () => {
    const { dir, image, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const context = contextFor(dir);
    const saved = await saveImageChanges(entryIn(dir), { changes: { depth: 80 }, expected: 'latest' }, context);
    expect(saved).toMatchObject({ kind: 'updated', diffs: [{ name: 'depth', before: 75, after: 80 }] });
    expect(readFileSync(sidecar, 'utf8')).toBe(
      fixtureText('canonical.tif.json').replace('"depth": 75.0', '"depth": 80.0'),
    );
    const again = await saveImageChanges(
      entryIn(path.dirname(image)),
      { changes: { depth: 80 }, expected: 'latest' },
      context,
    );
    expect(again.kind).toBe('unchanged');
  });

  it('creates a sidecar with no change only when asked to', async () => {
    const { dir, sidecar } = imageFolder();
    const asIs = await saveImageChanges(entryIn(dir), { changes: {}, expected: null }, contextFor(dir));
    expect(asIs.kind).toBe('unchanged');
    expect(existsSync(sidecar)).toBe(false);
    const created = await saveImageChanges(
      entryIn(dir),
      { changes: {}, expected: null, create: true },
      contextFor(dir),
    );
    expect(created).toMatchObject({ kind: 'created', diffs: [] });
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('minimal-2ch-imagej.tif.json'));
  });

  it('creates nothing for an OIR, whose header AcqMeta does not read', async () => {
    const { dir } = imageFolder();
    writeFileSync(path.join(dir, 'scan.oir'), '');
    const attempt = saveImageChanges(
      entryIn(dir, 'scan.oir'),
      { changes: { species: 'mouse' }, expected: null },
      contextFor(dir),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no sidecar, and AcqMeta reads no OIR header to create one from',
    });
    expect(existsSync(path.join(dir, 'scan.oir.json'))).toBe(false);
  });

  it('creates nothing when the header cannot be read, and says why without the file name twice', async () => {
    const { dir, sidecar } = imageFolder();
    const unreadable: ImageScan = { ok: false, message: 'cell.tif: not a TIFF file (bad byte order mark)' };
    const attempt = saveImageChanges(
      entryIn(dir),
      { changes: { species: 'mouse' }, expected: null },
      contextFor(dir, unreadable),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'UNREADABLE_IMAGE',
      message: 'cannot create a sidecar: not a TIFF file (bad byte order mark)',
    });
    expect(existsSync(sidecar)).toBe(false);
  });

  it('refuses what the lab profile refuses, naming the field, and leaves the file as it was', async () => {
    const { dir, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    speciesProfile(dir);
    const attempt = saveImageChanges(
      entryIn(dir),
      { changes: { species: 'cat' }, expected: 'latest' },
      contextFor(dir),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_VALUE', problems: [{ field: 'species' }] });
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('canonical.tif.json'));
    // A value the profile allows goes through.
    await saveImageChanges(entryIn(dir), { changes: { species: 'rat' }, expected: 'latest' }, contextFor(dir));
    expect(readFileSync(sidecar, 'utf8')).toContain('"species": "rat"');
  });

  it('turns the sidecar into plain values for the lab profile only when one is in force', async () => {
    const { dir, sidecar } = imageFolder();
    copyFixture('canonical.tif.json', sidecar);
    const plain = vi.spyOn(Sidecar.prototype, 'plain');
    try {
      await saveImageChanges(entryIn(dir), { changes: { species: 'rat' }, expected: 'latest' }, contextFor(dir));
      expect(readFileSync(sidecar, 'utf8')).toContain('"species": "rat"');
      expect(plain).not.toHaveBeenCalled();
      speciesProfile(dir);
      await saveImageChanges(entryIn(dir), { changes: { species: 'mouse' }, expected: 'latest' }, contextFor(dir));
      expect(plain).toHaveBeenCalled();
    } finally {
      plain.mockRestore();
    }
  });

  it('replaces a damaged sidecar with the version read plus the edits only when asked, keeping the damaged file', async () => {
    const { dir, sidecar } = imageFolder();
    copyFixture('corrupt.tif.json', sidecar);
    const damaged = readFileSync(sidecar);
    const context = contextFor(dir);
    const refused = saveImageChanges(entryIn(dir), { changes: { note: 'mine' }, expected: null }, context);
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_SIDECAR' });
    expect(readFileSync(sidecar)).toEqual(damaged);
    const read = { ...defaultValues(), species: 'rat', depth: 85.5, accepted: false };
    const saved = await saveImageChanges(
      entryIn(dir),
      { changes: { note: 'mine' }, expected: null, replaceDamaged: read },
      context,
    );
    expect(saved.damagedKeptAs).toMatch(/^cell\.tif\.json\.damaged-\d{8}T\d{6}Z$/);
    expect(readFileSync(path.join(dir, saved.damagedKeptAs as string))).toEqual(damaged);
    const written = readFileSync(sidecar, 'utf8');
    for (const line of ['"species": "rat"', '"depth": 85.5', '"accepted": false', '"note": "mine"'])
      expect(written).toContain(line);
    expect(saved.diffs).toEqual([{ name: 'note', before: '', after: 'mine' }]);
  });

  it('checks everything and writes nothing on a dry run', async () => {
    const { dir, sidecar } = imageFolder();
    const saved = await saveImageChanges(
      entryIn(dir),
      { changes: { species: 'mouse' }, expected: null },
      contextFor(dir, undefined, true),
    );
    expect(saved.kind).toBe('created');
    expect(existsSync(sidecar)).toBe(false);
  });
});
