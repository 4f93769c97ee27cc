/**
 * A collection's manifest rewritten on its own (an image added to it or dropped from it, a
 * source renamed) reads again only the images that changed, not the thousands it still lists;
 * it is compared with the rows the window has, as the scan and the changes since sent them.
 */
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import { CollectionRows } from '../../../../../electron/services/backend/collection-rows';
import { readFolderChanges, type FolderChanges } from '../../../../../electron/services/backend/folder-changes';
import { readCollectionAt } from '../../../../../electron/services/ngff/collection-at';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';
import type { TiffScanner } from '../../../../../electron/services/tiff';
import { removeTestBundles, testScanner } from './backend-harness';

const LAB_COLLECTION = fileURLToPath(new URL('../../../../fixtures/ngff/lab.ome.zarr', import.meta.url));
const MEMBER = (id: string): string => `lab.ome.zarr/acq_images/acq_image_00${id}`;

describe('readFolderChanges on a collection’s manifest', () => {
  let root: string;
  let scanner: TiffScanner;
  let shown = new CollectionRows();
  const manifest = (): string => path.join(root, 'lab.ome.zarr', 'acqstore', 'acq_image_collection.json');
  beforeAll(async () => {
    root = await realpath(await mkdtemp(path.join(tmpdir(), 'acqmeta-changes-')));
    await cp(LAB_COLLECTION, path.join(root, 'lab.ome.zarr'), { recursive: true });
    scanner = await testScanner();
  });
  afterAll(async () => {
    await scanner.close();
    await removeTestBundles();
    await rm(root, { recursive: true, force: true });
  });

  /** What the change of `changed` (the manifest alone) gives, as the window gets it: in one list of rows and one of paths gone. */
  async function manifestChanged(changed = manifest()): Promise<{ rows: string[]; removed: string[] }> {
    const emitted: FolderChanges[] = [];
    const profiles = createProfileFinder(createProfileCache(), { root });
    await readFolderChanges({ root, realRoot: root }, [changed], scanner, profiles, shown, (c) => {
      emitted.push(c);
      shown.noteEvent({ type: 'folder-changed', root, ...c });
    });
    return {
      rows: emitted.flatMap((c) => c.rows.map((row) => row.path)).sort(),
      removed: emitted.flatMap((c) => c.removed).sort(),
    };
  }

  async function rewrite(edit: (entries: Record<string, unknown>[]) => Record<string, unknown>[]): Promise<void> {
    const document = JSON.parse(await readFile(manifest(), 'utf8')) as { acq_images: Record<string, unknown>[] };
    document.acq_images = edit(document.acq_images);
    await writeFile(manifest(), JSON.stringify(document, null, 2));
  }

  it('reads every listed image the first time, then only the one dropped (though the manifest was read meanwhile), the one listed again, the one renamed', async () => {
    expect(await manifestChanged()).toEqual({ rows: [MEMBER('0'), MEMBER('1'), MEMBER('2')], removed: [] });
    const all = JSON.parse(await readFile(manifest(), 'utf8')) as { acq_images: Record<string, unknown>[] };
    const dropped = all.acq_images[1] as Record<string, unknown>;

    await rewrite((entries) => entries.filter((entry) => entry !== entries[1]));
    // the manifest is read meanwhile (a row of the collection resolved as it is clicked)
    await readCollectionAt(path.join(root, 'lab.ome.zarr'));
    expect(await manifestChanged()).toEqual({ rows: [], removed: [MEMBER('1')] });

    await rewrite((entries) => [...entries, dropped]);
    expect(await manifestChanged()).toEqual({ rows: [MEMBER('1')], removed: [] });

    // a source renamed: its row says the new name
    await rewrite((entries) =>
      entries.map((e) =>
        e === entries[0] ? { ...e, source: { filename: 'a.tif', relative_path: 'day-2/a.tif' } } : e,
      ),
    );
    const renamed: FolderChanges[] = [];
    const profiles = createProfileFinder(createProfileCache(), { root });
    await readFolderChanges({ root, realRoot: root }, [manifest()], scanner, profiles, shown, (c) => renamed.push(c));
    expect(renamed.flatMap((c) => c.rows.map((row) => [row.path, row.exportedFrom]))).toEqual([
      [MEMBER('0'), 'day-2/a.tif'],
    ]);
  });

  it('finds every image of a collection gone when the collection is deleted right after a scan', async () => {
    shown = new CollectionRows();
    const scanned = (id: string): ImageRow => ({
      path: MEMBER(id),
      format: 'ome-zarr',
      header: null,
      fileCalibration: null,
      sidecar: 'ok',
      version: null,
      values: {},
      errors: [],
      profile: null,
      profileProblems: [],
    });
    shown.noteEvent({ type: 'scan-rows', scanId: 's-1', rows: ['0', '1', '2'].map(scanned), done: 3, total: 3 });
    await rm(path.join(root, 'lab.ome.zarr'), { recursive: true });
    const { removed } = await manifestChanged(path.join(root, 'lab.ome.zarr'));
    expect(removed).toEqual(expect.arrayContaining([MEMBER('0'), MEMBER('1'), MEMBER('2')]));
  });
});
