/**
 * Searching the index as `acqmeta find` does (the filter's columns narrow the rows in the
 * database, the filter language's exact test decides each), a search's results fetched a page at
 * a time by share and path, and how fresh the index is for one folder.
 */
import { sql } from 'kysely';
import { rowMatcher, type FilterQuery } from '../../../shared/filter';
import type { ImageRow } from '../../../shared/api';
import type { FoundImage, IndexStore } from './index-store';

/** The indexed images that pass `query`, in the app's order: the answer of `acqmeta find`. */
export async function* findImages(store: IndexStore, query: FilterQuery): AsyncGenerator<FoundImage> {
  const passes = rowMatcher(query);
  for await (const found of store.candidates(query)) if (passes(JSON.parse(found.row) as ImageRow)) yield found;
}

/** An image of a search's results: its share and its path in the share. */
export type ImageKey = Pick<FoundImage, 'share' | 'path'>;

/** An image of a page of results: its share, its path in the share and its row as JSON text. */
export type PageImage = Omit<FoundImage, 'record'>;

/** The images `keys` name, in that order; one forgotten since is left out. */
export async function imagesAt(store: IndexStore, keys: readonly ImageKey[]): Promise<PageImage[]> {
  const { run, db } = store.queries;
  const found = new Map<string, PageImage>();
  const keyOf = (image: ImageKey): string => `${image.share}\0${image.path}`;
  for (const share of new Set(keys.map((key) => key.share))) {
    const rows = await run<PageImage>(
      db
        .selectFrom('images')
        .innerJoin('shares', 'shares.id', 'images.share_id')
        .select(['shares.name as share', 'images.path', 'images.row'])
        .where('shares.name', '=', share)
        .where(
          'images.path',
          'in',
          keys.filter((key) => key.share === share).map((key) => key.path),
        )
        .compile(),
    );
    for (const row of rows) found.set(keyOf(row), row);
  }
  return keys.flatMap((key) => found.get(keyOf(key)) ?? []);
}

/** How fresh the index is for a folder: its images indexed, and when a walk of it (or of a folder holding it) last ended. */
export interface FolderFreshness {
  images: number;
  /** Ms since 1970; null when no complete walk covered the folder. */
  refreshedAt: number | null;
}

/** The freshness of `folder` (`''`: the top) of share `share`; no images and null when the share is unknown. */
export async function folderFreshness(store: IndexStore, share: string, folder: string): Promise<FolderFreshness> {
  const { run, db } = store.queries;
  const shares = await run<{ id: number }>(db.selectFrom('shares').select('id').where('name', '=', share).compile());
  const shareId = shares[0]?.id;
  if (shareId === undefined) return { images: 0, refreshedAt: null };
  let images = db
    .selectFrom('images')
    .select(sql<number>`count(*)`.as('count'))
    .where('share_id', '=', shareId);
  // '/' + 1 is '0': the paths under folder/ sort between the two (as the store's own look-up)
  if (folder !== '') images = images.where('path', '>', `${folder}/`).where('path', '<', `${folder}0`);
  const [counted] = await run<{ count: number | string }>(images.compile());
  const walks = await run<{ path: string; indexed_at: number | string }>(
    db.selectFrom('folders').select(['path', 'indexed_at']).where('share_id', '=', shareId).compile(),
  );
  const covering = walks
    .filter((walk) => walk.path === '' || walk.path === folder || folder.startsWith(`${walk.path}/`))
    .map((walk) => Number(walk.indexed_at));
  return { images: Number(counted?.count ?? 0), refreshedAt: covering.length === 0 ? null : Math.max(...covering) };
}
