/**
 * A search of the index against the filter language over every row, the same cases for each
 * engine: a facility's generated images (the bench's generator) written through the store, then
 * filters of one and two fields, catalogue names, dates and numbers, whose answers must be the
 * app's to the image and in its order, across pages of a walked share; and an index of schema
 * version 2 migrated, its new columns filled from the rows it holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type IndexStore } from '../../../../../electron/services/index';
import { findImages } from '../../../../../electron/services/index/index-search';
import { columnsOf } from '../../../../../electron/services/index/image-columns';
import type { ImageRow } from '../../../../../shared/api';
import { comparePaths, parseFilter, rowMatcher } from '../../../../../shared/filter';
import { facilityImage } from '../../../../bench/suites/index-rows.mjs';
import { asVersion } from './index-db';

/** An engine the cases run on: a new empty database for each call. */
export interface SearchEngine {
  name: string;
  newDatabase(label: string): Promise<string>;
}

/** Generated images: in the largest share (half of them) more than a walked share's first pages (100, then 1,000), and more mice than a search counts (1,000) before it walks. */
const IMAGES = 6000;

/** Filters whose answers are compared, from a rare value to every image. */
const SEARCHES = [
  'species:mouse',
  'species:mouse genotype:sst-cre',
  'species:=rat',
  'instrument:ultima',
  'instrument:"room 2.14"',
  'objective:63x na:1.4',
  'instrument:ultima na:>1',
  'species:mouse acquired:2025-03',
  'acquired:>=2024',
  'species:mouse acquired:<2019-03',
  'acquired:=2021-07',
  'acquired:2025-03-1',
  'acquired:<2020',
  'acquired:<=2019-06',
  'acquired:>2025-12-31',
  'sidecar:none',
  'species:human sidecar:saved',
  'physical_unit_x:<0.1',
  '',
];

/** The facility's images: each one's share, its row and what the store writes of it. */
export function facility(): { share: string; row: ImageRow; write: Parameters<IndexStore['write']>[1][number] }[] {
  return Array.from({ length: IMAGES }, (_, i) => {
    const { share, row, time } = facilityImage(i, IMAGES);
    const write = {
      path: row.path,
      image: { size: 1000, mtimeMs: time, ino: i + 1 },
      sidecar: null,
      record: '{}',
      row: JSON.stringify(row),
      columns: columnsOf(row),
    };
    return { share, row, write };
  });
}

/** What the app answers `filter` with over `images`: by share name, then in its order of paths. */
function expected(images: ReturnType<typeof facility>, filter: string): string[] {
  const passes = rowMatcher(parseFilter(filter));
  return images
    .filter((image) => passes(image.row))
    .sort((a, b) => (a.share === b.share ? comparePaths(a.row.path, b.row.path) : a.share < b.share ? -1 : 1))
    .map((image) => `${image.share}:${image.row.path}`);
}

async function found(url: string, filter: string): Promise<string[]> {
  const store = await openIndex(url, { write: false, cwd: '/' });
  try {
    const out: string[] = [];
    for await (const image of findImages(store, parseFilter(filter))) out.push(`${image.share}:${image.path}`);
    return out;
  } finally {
    await store.close();
  }
}

/** Writes `images` into a new index at `url`. */
export async function written(url: string, images: ReturnType<typeof facility>): Promise<void> {
  const store = await openIndex(url, { write: true, cwd: '/' });
  try {
    for (const share of new Set(images.map((image) => image.share))) {
      const id = await store.shareId(share);
      await store.write(
        id,
        images.filter((image) => image.share === share).map((image) => image.write),
      );
    }
  } finally {
    await store.close();
  }
}

/** Runs the cases against `engine`. */
export function searchCases(engine: SearchEngine): void {
  describe(`a search of the index on ${engine.name}`, () => {
    const images = facility();
    let url: string;
    beforeAll(async () => {
      url = await engine.newDatabase('facility');
      await written(url, images);
    });

    it.each(SEARCHES)('answers %j as the app does, image for image and in its order', async (filter) => {
      const want = expected(images, filter);
      expect(await found(url, filter)).toEqual(want);
    });

    it('brings a version 2 index up to date, its new columns filled from the rows it holds', async () => {
      const old = await engine.newDatabase('version2');
      await written(old, images);
      await asVersion(old, 2);
      await (await openIndex(old, { write: true, cwd: '/' })).close();
      for (const filter of ['instrument:"room 2.14"', 'species:mouse acquired:2025-03', 'acquired:<2020'])
        expect(await found(old, filter)).toEqual(expected(images, filter));
    });
  });
}
