/**
 * A collection's manifest rewritten on its own (an image added to it or dropped from it) reads
 * again only the images that came or went, not the thousands it still lists.
 */
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readFolderChanges,
  type FolderChanges,
  type ListedMembers,
} from '../../../../../electron/services/backend/folder-changes';
import { readCollectionAt } from '../../../../../electron/services/ngff/collection-at';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';
import type { TiffScanner } from '../../../../../electron/services/tiff';
import { removeTestBundles, testScanner } from './backend-harness';

const LAB_COLLECTION = fileURLToPath(new URL('../../../../fixtures/ngff/lab.ome.zarr', import.meta.url));
const MEMBER = (id: string): string => `lab.ome.zarr/acq_images/acq_image_00${id}`;

describe('readFolderChanges on a collection’s manifest', () => {
  let root: string;
  let scanner: TiffScanner;
  const listed: ListedMembers = new Map();
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

  /** What the change of the manifest alone gives, in one list of rows and one of paths gone. */
  async function manifestChanged(): Promise<{ rows: string[]; removed: string[] }> {
    const emitted: FolderChanges[] = [];
    const profiles = createProfileFinder(createProfileCache(), { root });
    await readFolderChanges({ root, realRoot: root }, [manifest()], scanner, profiles, listed, (c) => emitted.push(c));
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

  it('reads every listed image the first time, then only the one dropped (though the manifest was read meanwhile), then only the one listed again', async () => {
    expect(await manifestChanged()).toEqual({ rows: [MEMBER('0'), MEMBER('1'), MEMBER('2')], removed: [] });
    const all = JSON.parse(await readFile(manifest(), 'utf8')) as { acq_images: Record<string, unknown>[] };
    const dropped = all.acq_images[1] as Record<string, unknown>;

    await rewrite((entries) => entries.filter((entry) => entry !== entries[1]));
    // the manifest is read meanwhile (a row of the collection resolved as it is clicked)
    await readCollectionAt(path.join(root, 'lab.ome.zarr'));
    expect(await manifestChanged()).toEqual({ rows: [], removed: [MEMBER('1')] });

    await rewrite((entries) => [...entries, dropped]);
    expect(await manifestChanged()).toEqual({ rows: [MEMBER('1')], removed: [] });
  });
});
