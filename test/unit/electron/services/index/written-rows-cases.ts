/**
 * AcqMeta's own writes update the index in use, the same cases for each engine: `set` and
 * `restore --undo` are seen by `find` at once, without `acqmeta index`; images of a folder the
 * index does not hold are left out of it.
 */
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../cli/built-cli';
import { sidecarFolder } from '../../cli/gated-writers';
import type { EngineUnderTest } from './index-cases';
import { indexedImages, NATIVE_MODULES } from './index-db';

/** The batch id of the last action journaled in `root`. */
function lastBatch(root: string): string {
  const dir = path.join(root, '.acqmeta', 'journal');
  const lines = readdirSync(dir)
    .sort()
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean));
  return (JSON.parse(lines.at(-1) as string) as { batch: string }).batch;
}

/** Runs the cases against `engine`. */
export function writtenRowsCases(engine: EngineUnderTest): void {
  describe(`AcqMeta's own writes in the index on ${engine.name}`, () => {
    let cli: BuiltCli;
    const temps: string[] = [];
    const acqmeta = (db: string, args: readonly string[]) =>
      cli.run(args, tmpdir(), { env: { ...NATIVE_MODULES, ACQMETA_DB: db } });
    const found = async (db: string, filter: string) =>
      (await acqmeta(db, ['find', filter])).stdout.split('\n').filter(Boolean);

    beforeAll(async () => {
      cli = await buildCli();
    });
    afterAll(async () => {
      for (const dir of temps) rmSync(dir, { recursive: true, force: true });
      await cli.remove();
    });

    it('are found at once after set and restore --undo, without acqmeta index', async () => {
      const db = await engine.newDatabase('own');
      const { root } = sidecarFolder(2, 2);
      temps.push(root);
      const top = realpathSync(root);
      expect((await acqmeta(db, ['index', root])).code).toBe(0);
      const images = [
        'animal-0/cell-000.tif',
        'animal-0/cell-001.tif',
        'animal-1/cell-000.tif',
        'animal-1/cell-001.tif',
      ];
      expect(await found(db, 'species:rat')).toEqual([]);

      const set = await acqmeta(db, ['set', path.join(root, 'animal-1'), '--set', 'species=rat']);
      expect(set).toMatchObject({ code: 0, stderr: '' });
      expect(await found(db, 'species:rat')).toEqual(images.slice(2).map((p) => path.join(top, p)));
      expect((await indexedImages(db)).map((i) => [i.path, i.species])).toEqual([
        [images[0], 'mouse'],
        [images[1], 'mouse'],
        [images[2], 'rat'],
        [images[3], 'rat'],
      ]);

      const animal = path.join(root, 'animal-1');
      const undo = await acqmeta(db, ['restore', animal, '--undo', lastBatch(animal)]);
      expect(undo).toMatchObject({ code: 0, stderr: '' });
      expect(await found(db, 'species:rat')).toEqual([]);
      expect(await found(db, 'species:mouse')).toHaveLength(4);
    });

    it('leave out the images of a folder the index does not hold', async () => {
      const db = await engine.newDatabase('elsewhere');
      const indexed = sidecarFolder(1, 1);
      const other = sidecarFolder(1, 2);
      temps.push(indexed.root, other.root);
      expect((await acqmeta(db, ['index', indexed.root])).code).toBe(0);
      const set = await acqmeta(db, ['set', other.root, '--set', 'species=rat']);
      expect(set).toMatchObject({ code: 0, stderr: '' });
      expect((await indexedImages(db)).map((i) => [i.path, i.species])).toEqual([['animal-0/cell-000.tif', 'mouse']]);
    });
  });
}
