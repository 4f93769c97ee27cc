/**
 * Disk faults during saveSidecars: each file says what went wrong, the other files of the
 * request are saved, and nothing already on disk is damaged or left behind.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaveOutcome } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { CANNOT_DENY, CANNOT_MOUNT, denyWrites, smallDisk } from '../sidecar/disk-faults';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

const OME = 'cells/multi-channel.ome.tif';

describe('backend saveSidecars on a failing disk', () => {
  let copy: LabCopy;
  let h: Harness;
  const undo: (() => void)[] = [];
  const lab = (rel: string) => path.join(copy.lab, rel);
  /** Copies the OME image and its sidecar to `rel` (and `rel`.json). */
  const image = (rel: string) => {
    mkdirSync(path.dirname(lab(rel)), { recursive: true });
    cpSync(lab(OME), lab(rel));
    cpSync(lab(`${OME}.json`), lab(`${rel}.json`));
  };
  const versionOf = async (rel: string) => (await h.ok('reloadRow', { path: rel })).version;
  const summary = (outcomes: SaveOutcome[]) =>
    outcomes.map((o) => (o.ok ? `${o.path}: saved` : `${o.path}: ${o.error.code} ${o.error.message}`));
  const temps = () =>
    readdirSync(copy.lab, { recursive: true, encoding: 'utf8' }).filter((name) =>
      path.basename(name).startsWith('.acqmeta-'),
    );

  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
  });
  afterEach(async () => {
    for (const step of undo.splice(0).reverse()) step();
    await stopOnLab(copy, h);
  });
  afterAll(removeTestBundles);

  it('read-only folder, locked sidecar, deleted image, folder or outside link as sidecar: one message each', async (ctx) => {
    const rels = ['ok/a.tif', 'locked/b.tif', 'immutable/c.tif', 'gone/d.tif', 'link/e.tif'];
    for (const rel of rels) image(rel);
    const versions = await Promise.all(rels.map(versionOf));
    const before = readFileSync(lab(`${OME}.json`), 'utf8');
    // After the scan: the disk changes under the open folder.
    for (const target of [lab('locked'), lab('immutable/c.tif.json')]) {
      const release = denyWrites(target);
      if (release === null) ctx.skip(CANNOT_DENY);
      else undo.push(release);
    }
    rmSync(lab('gone/d.tif'));
    mkdirSync(lab('plain.tiff.json'));
    writeFileSync(path.join(copy.base, 'outside.json'), before);
    rmSync(lab('link/e.tif.json'));
    symlinkSync(path.join(copy.base, 'outside.json'), lab('link/e.tif.json'));

    const saves = [
      ...rels.map((rel, i) => ({ path: rel, expected: versions[i] ?? null })),
      { path: 'plain.tiff', expected: null },
    ].map((save) => ({
      ...save,
      changes: { species: 'rat' },
    }));
    const outcomes = await h.ok('saveSidecars', { saves });
    expect(summary(outcomes)).toEqual([
      'ok/a.tif: saved',
      'locked/b.tif: IO b.tif.json could not be saved: permission denied',
      'immutable/c.tif: IO c.tif.json could not be saved: permission denied',
      'gone/d.tif: NOT_FOUND gone/d.tif does not exist.',
      'link/e.tif: OUTSIDE_FOLDER The sidecar of link/e.tif links outside the open folder.',
      'plain.tiff: IO plain.tiff.json could not be read: it is a folder',
    ]);
    expect(readFileSync(lab('ok/a.tif.json'), 'utf8')).toBe(before.replace('"species": "mouse"', '"species": "rat"'));
    for (const rel of ['locked/b.tif.json', 'immutable/c.tif.json', 'gone/d.tif.json'])
      expect(readFileSync(lab(rel), 'utf8')).toBe(before);
    expect(readFileSync(path.join(copy.base, 'outside.json'), 'utf8')).toBe(before);
    expect(readdirSync(lab('plain.tiff.json'))).toEqual([]);
    expect(temps()).toEqual([]);
  });

  it('says the disk is full for a file on a full disk and saves the others', async (ctx) => {
    const unmount = smallDisk(lab('full'), 64 * 1024);
    if (unmount === null) ctx.skip(CANNOT_MOUNT);
    else undo.push(unmount);
    image('full/x.tif');
    const versions = { full: await versionOf('full/x.tif'), ome: await versionOf(OME) };
    const before = readFileSync(lab('full/x.tif.json'), 'utf8');
    // Fill the disk to the last byte.
    try {
      for (let i = 0; ; i++) writeFileSync(lab(`full/filler-${i}`), Buffer.alloc(4096));
    } catch {
      writeFileSync(lab('full/filler-last'), '');
    }
    const outcomes = await h.ok('saveSidecars', {
      saves: [
        { path: 'full/x.tif', changes: { species: 'a much longer species name than before' }, expected: versions.full },
        { path: OME, changes: { species: 'rat' }, expected: versions.ome },
      ],
    });
    expect(summary(outcomes)).toEqual([
      'full/x.tif: IO x.tif.json could not be saved: the disk is full',
      `${OME}: saved`,
    ]);
    expect(readFileSync(lab('full/x.tif.json'), 'utf8')).toBe(before);
    expect(temps()).toEqual([]);
  });
});
