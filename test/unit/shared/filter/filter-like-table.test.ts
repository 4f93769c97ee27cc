/**
 * The filter language outside the app: rows from a real scan, filtered and ordered by
 * `shared/filter` as the command line does, are the rows the app's table shows for the same
 * filter text, in the same order.
 */
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../shared/api';
import { comparePaths, parseFilter, rowMatcher } from '../../../../shared/filter';
import {
  removeTestBundles,
  scanRows,
  startBackend,
  type Harness,
} from '../../electron/services/backend/backend-harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../../fixtures');

/** The app's store as the renderer's unit tests make it (typed here: the Node project does not type-check the renderer). */
interface TableStore {
  getState(): { setFilterText(text: string): void };
}

/** The renderer's store and visible rows, loaded when the test runs (not followed by the Node project's type check, which has no DOM). */
async function loadTable(): Promise<{
  storeWithRows(rows: ImageRow[]): { store: TableStore };
  selectVisiblePaths(state: unknown): readonly string[];
}> {
  const [client, filter] = await Promise.all([
    import(/* @vite-ignore */ path.resolve(here, '../../renderer/store/fake-client.ts')),
    import(/* @vite-ignore */ path.resolve(here, '../../../../renderer/src/store/filter/index.ts')),
  ]);
  return { storeWithRows: client.storeWithRows, selectVisiblePaths: filter.selectVisiblePaths };
}

/** Filter texts of every kind of term, each over columns these images fill. */
const FILTERS = [
  '',
  'mouse',
  'species:mouse',
  'genotype:=thy1-gfp region:v1',
  'depth:>50',
  'sidecar:none',
  '-sidecar:saved',
  'accepted:no',
  'na:1.4',
  'na:>=0.5 -format:czi',
  'objective:63x',
  'objective:×',
  'acquired:2021',
  'acquired:>=2019-06',
  'channel:dapi',
  'channels:>2',
  'problems:>0',
  'dims:z:',
  'uint16 stacks/',
  'format:=nd2',
  'infinity',
  'path:"ls_0"',
  'zstep:""',
  'instrument:"lsm 880"',
  'na:1.3 objective:63x acquired:2021',
];

describe('the filter language outside the app', () => {
  let base: string;
  let h: Harness;
  let scanned: ImageRow[];

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'acqmeta-filter-'));
    const folder = path.join(base, 'lab');
    await cp(path.join(FIXTURES, 'e2e-folder'), folder, { recursive: true });
    await cp(path.join(FIXTURES, 'formats'), path.join(folder, 'formats'), { recursive: true });
    await cp(path.join(FIXTURES, 'acquisition/ome-tiff'), path.join(folder, 'ome-tiff'), { recursive: true });
    // names whose order differs between the scan's walk, plain text order and natural order
    const chessboard = path.join(folder, 'chessboard_GRAY_U16.tif');
    for (const name of ['cells.tif', 'Zebra.tif', 'img10.tif', 'img2.tif', 'cells-b.tif'])
      await copyFile(chessboard, path.join(folder, name));
    h = await startBackend();
    await h.ok('openFolder', { path: folder });
    scanned = [...(await scanRows(h)).values()];
  });

  afterAll(async () => {
    await h?.backend.close();
    await removeTestBundles();
    if (base !== undefined) await rm(base, { recursive: true, force: true });
  });

  it('orders rows as the scan lists them when no column sorts them', () => {
    const paths = scanned.map((row) => row.path);
    expect(paths.length).toBeGreaterThan(20);
    expect([...paths].reverse().sort(comparePaths)).toEqual(paths);
    expect(paths.indexOf('cells/multi-channel.ome.tif')).toBeLessThan(paths.indexOf('cells-b.tif'));
    expect(paths.indexOf('cells-b.tif')).toBeLessThan(paths.indexOf('cells.tif'));
    expect(paths.indexOf('Zebra.tif')).toBeLessThan(paths.indexOf('cells.tif'));
    expect(paths.indexOf('img10.tif')).toBeLessThan(paths.indexOf('img2.tif'));
  });

  it('finds the rows the table shows for every filter, in the same order', async () => {
    const { storeWithRows, selectVisiblePaths } = await loadTable();
    const { store } = storeWithRows(scanned);
    // as an index hands rows over: in no particular order
    const stored = [...scanned].reverse().sort((a, b) => comparePaths(a.path, b.path));
    const found = new Map<string, number>();
    for (const text of FILTERS) {
      store.getState().setFilterText(text);
      const table = selectVisiblePaths(store.getState());
      const matches = rowMatcher(parseFilter(text));
      expect(
        stored.filter(matches).map((row) => row.path),
        text,
      ).toEqual(table);
      found.set(text, table.length);
    }
    // each filter picks some of the images, not none or all
    for (const text of FILTERS.slice(1)) {
      expect(found.get(text), text).toBeGreaterThan(0);
      expect(found.get(text), text).toBeLessThan(scanned.length);
    }
  });
});
