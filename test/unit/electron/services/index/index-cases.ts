/**
 * The facility index's behaviour through `acqmeta index`, the same cases for each engine:
 * a refresh reads only what changed, images gone are forgotten, two indexers at once and a
 * killed one leave each image once, paths agree across two mounts of a share, and a database
 * that is not an index is refused and left as it was.
 */
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../cli/built-cli';
import { sidecarFolder, startCli, WriteGate } from '../../cli/gated-writers';
import { asVersion, indexedImages, indexNames, NATIVE_MODULES, runSql } from './index-db';

/** An engine the cases run on: a new empty database for each case. */
export interface EngineUnderTest {
  name: string;
  newDatabase(label: string): Promise<string>;
}

/** A fixed modification time (whole seconds), so a file rewritten in place can be given it back exactly. */
const FIXED_TIME = 1_700_000_000;

/** Images per folder in the cases that need more than one batch (500) written. */
const PAST_ONE_BATCH = 300;

/** Runs the cases against `engine`. */
export function indexCases(engine: EngineUnderTest): void {
  describe(`acqmeta index on ${engine.name}`, () => {
    let cli: BuiltCli;
    const temps: string[] = [];
    const temp = (label: string): string => {
      const dir = mkdtempSync(path.join(tmpdir(), `acqmeta-index-${label}-`));
      temps.push(dir);
      return dir;
    };
    const index = (args: readonly string[]) => cli.run(['index', ...args], tmpdir(), { env: NATIVE_MODULES });
    const find = (args: readonly string[]) => cli.run(['find', ...args], tmpdir(), { env: NATIVE_MODULES });

    beforeAll(async () => {
      cli = await buildCli();
      process.env.NODE_PATH = NATIVE_MODULES.NODE_PATH; // for the runs startCli starts
    });
    afterAll(async () => {
      for (const dir of temps) rmSync(dir, { recursive: true, force: true });
      await cli.remove();
    });

    it('refreshes by reading only what changed, and forgets the images gone', async () => {
      const db = await engine.newDatabase('refresh');
      const { root, sidecars } = sidecarFolder(1, 3);
      temps.push(root);
      const [first, second, third] = sidecars as [string, string, string];
      for (const file of sidecars) utimesSync(file, FIXED_TIME, FIXED_TIME);

      const added = await index([root, '--db', db]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/: 3 added, 0 updated, 0 forgotten, 0 unchanged\n$/);
      expect((await indexedImages(db)).map((i) => [i.path, i.species])).toEqual([
        ['animal-0/cell-000.tif', 'mouse'],
        ['animal-0/cell-001.tif', 'mouse'],
        ['animal-0/cell-002.tif', 'mouse'],
      ]);

      // same size, time and inode: a refresh must not read it, so the index keeps "mouse"
      writeFileSync(first, readFileSync(first, 'utf8').replace('"mouse"', '"moose"'));
      utimesSync(first, FIXED_TIME, FIXED_TIME);
      // a real edit: another size and time
      writeFileSync(second, readFileSync(second, 'utf8').replace('"mouse"', '"rat"'));
      rmSync(third.replace(/\.json$/, ''));
      rmSync(third);

      const refreshed = await index([root, '--db', db]);
      expect(refreshed.code).toBe(0);
      expect(refreshed.stdout).toMatch(/: 0 added, 1 updated, 1 forgotten, 1 unchanged\n$/);
      const images = await indexedImages(db);
      expect(images.map((i) => [i.path, i.species])).toEqual([
        ['animal-0/cell-000.tif', 'mouse'],
        ['animal-0/cell-001.tif', 'rat'],
      ]);
      expect(images[1]?.record).toMatchObject({ path: 'animal-0/cell-001.tif', format: 'tiff', sidecar: 'ok' });
    });

    it('keeps each image once when two indexers run at once', async () => {
      const db = await engine.newDatabase('two');
      const { root } = sidecarFolder(2, PAST_ONE_BATCH);
      temps.push(root);
      // both are held after their first batch, so the second batches of both are written together
      const gate = new WriteGate(temp('gate'), 'two', ['index-batch']);
      const runs = [
        startCli(cli.cliScript, ['index', root, '--db', db], gate),
        startCli(cli.cliScript, ['index', root, '--db', db], gate),
      ];
      for (const run of runs) await gate.reached('index-batch', run);
      gate.release();
      for (const run of runs) expect(await run.done).toMatchObject({ code: 0, stderr: '' });
      const images = await indexedImages(db);
      expect(images).toHaveLength(2 * PAST_ONE_BATCH);
      expect(new Set(images.map((i) => i.path)).size).toBe(2 * PAST_ONE_BATCH);
    });

    it('leaves a consistent index when killed, which the next run finishes', async () => {
      const db = await engine.newDatabase('kill');
      const { root } = sidecarFolder(2, PAST_ONE_BATCH);
      temps.push(root);
      const gate = new WriteGate(temp('gate'), 'kill', ['index-batch']);
      const run = startCli(cli.cliScript, ['index', root, '--db', db], gate);
      await gate.reached('index-batch', run);
      run.child.kill('SIGKILL');
      await run.done;
      const killed = await indexedImages(db);
      expect(killed).toHaveLength(500);
      expect(killed.every((i) => i.record.sidecar === 'ok')).toBe(true);

      const finished = await index([root, '--db', db]);
      expect(finished.code).toBe(0);
      expect(finished.stdout).toMatch(/: 100 added, 0 updated, 0 forgotten, 500 unchanged\n$/);
      expect(await indexedImages(db)).toHaveLength(2 * PAST_ONE_BATCH);
    });

    it('stores paths relative to a share, so two mounts of it agree', async () => {
      const db = await engine.newDatabase('shares');
      const { root } = sidecarFolder(2, 2);
      temps.push(root);
      // the same share as a second machine sees it, mounted elsewhere
      const elsewhere = path.join(temp('mount'), 'lab');
      cpSync(root, elsewhere, { recursive: true });

      const here = await index([root, '--db', db, '--share', `lab=${root}`]);
      expect(here.stdout).toMatch(/ \(lab\): 4 added/);
      const there = await index([path.join(elsewhere, 'animal-1'), '--db', db, '--share', `lab=${elsewhere}`]);
      expect(there.code).toBe(0);
      expect(there.stdout).toMatch(/ \(lab: animal-1\): 0 added, 2 updated, 0 forgotten, 0 unchanged\n$/);
      expect((await indexedImages(db)).map((i) => `${i.share}:${i.path}`)).toEqual([
        'lab:animal-0/cell-000.tif',
        'lab:animal-0/cell-001.tif',
        'lab:animal-1/cell-000.tif',
        'lab:animal-1/cell-001.tif',
      ]);
    });

    it("finds the images that pass a filter of the app's filter box, in the app's order", async () => {
      const db = await engine.newDatabase('find');
      const { root, sidecars } = sidecarFolder(2, 3);
      temps.push(root);
      // beside its folder: the app lists animal-0/… first ('/' before any character), plain text order would not
      copyFileSync(sidecars[0]!.replace(/\.json$/, ''), path.join(root, 'animal-0.tif'));
      copyFileSync(sidecars[0]!, path.join(root, 'animal-0.tif.json'));
      for (const file of [sidecars[1]!, sidecars[5]!, path.join(root, 'animal-0.tif.json')])
        writeFileSync(file, readFileSync(file, 'utf8').replace('"mouse"', file === sidecars[1] ? '"Rat"' : '"rat"'));
      expect((await index([root, '--db', db])).code).toBe(0);
      const top = realpathSync(root);

      const rats = await find(['species:rat', '--db', db]);
      expect(rats).toMatchObject({ code: 0, stderr: '' });
      expect(rats.stdout.split('\n').filter(Boolean)).toEqual(
        ['animal-0/cell-001.tif', 'animal-0.tif', 'animal-1/cell-002.tif'].map((p) => path.join(top, p)),
      );
      const others = await find(['--db', db, '--', '-species:rat']);
      expect(others.stdout.split('\n').filter(Boolean)).toEqual(
        ['animal-0/cell-000.tif', 'animal-0/cell-002.tif', 'animal-1/cell-000.tif', 'animal-1/cell-001.tif'].map((p) =>
          path.join(top, p),
        ),
      );
      expect((await find(['--db', db])).stdout.split('\n').filter(Boolean)).toHaveLength(7);
      expect((await find(['species:rat na:>1', '--db', db])).stdout).toBe('');

      const json = await find(['species:=rat', '--json', '--db', db]);
      const lines = json.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((l) => l.path)).toEqual(['animal-0/cell-001.tif', 'animal-0.tif', 'animal-1/cell-002.tif']);
      expect(Object.keys(lines[0]!).slice(0, 6)).toEqual([
        'share',
        'path',
        'file',
        'format',
        'header',
        'file_calibration',
      ]);
      expect(lines[0]).toMatchObject({ share: top, file: path.join(top, 'animal-0/cell-001.tif'), sidecar: 'ok' });
      expect(lines[0]).toHaveProperty('instrument_match');

      const none = await find(['species:rat', '--db', await engine.newDatabase('empty')]);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/no index yet; acqmeta index makes it/);
    });

    it("brings a version 1 index up to date: its paths' order index made, its images found as before", async () => {
      const db = await engine.newDatabase('version1');
      const { root } = sidecarFolder(1, 2);
      temps.push(root);
      expect((await index([root, '--db', db])).code).toBe(0);
      await asVersion(db, 1);
      const again = await index([root, '--db', db]);
      expect(again).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout).toMatch(/: 0 added, 0 updated, 0 forgotten, 2 unchanged\n$/);
      expect(await indexNames(db)).toEqual(expect.arrayContaining(['images_order', 'images_stamps']));
      const found = await find(['species:mouse', '--db', db]);
      expect(found.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    });

    it('refuses a database that is not an AcqMeta index, or a newer one, and writes nothing to it', async () => {
      const { root } = sidecarFolder(1, 1);
      temps.push(root);
      const foreign = await engine.newDatabase('foreign');
      await runSql(foreign, 'create table patients (name text)');
      const refused = await index([root, '--db', foreign]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /^acqmeta index: .+: not an AcqMeta index \(it holds other tables: patients\); nothing was written/,
      );
      await expect(indexedImages(foreign)).rejects.toThrow(/images/);

      const newer = await engine.newDatabase('newer');
      expect((await index([root, '--db', newer])).code).toBe(0);
      await runSql(newer, 'update acqmeta_index set version = 99');
      const tooNew = await index([root, '--db', newer]);
      expect(tooNew.code).toBe(2);
      expect(tooNew.stderr).toMatch(/made by a newer AcqMeta \(index version 99, this one knows up to 5\)/);
    });
  });
}
