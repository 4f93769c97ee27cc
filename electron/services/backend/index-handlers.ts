/**
 * The facility index from the app: its status for the open folder, a search answered as
 * `acqmeta find` answers it (the whole answer's images kept here by share and path, sent a page
 * at a time, so a million rows never cross to the window at once) and a refresh of the open
 * folder (as `acqmeta index` does) whose progress arrives as `index-refresh-progress` events, at
 * most ten a second. Each call opens the index anew: a search reading it never holds the
 * connection a refresh writes through, and an index made meanwhile by the command line is seen.
 */
import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers, IndexStatus, IndexedImage, ImageRow } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { parseFilter } from '../../../shared/filter';
import { toBackendError } from '../disk';
import { defaultConfigDir, listImages } from '../folder';
import {
  findImages,
  folderFreshness,
  imagesAt,
  indexUrl,
  IndexRefused,
  openIndex,
  placeFolder,
  refreshFolder,
  type ImageKey,
  type IndexStore,
  type PageImage,
} from '../index';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { throttledProgress } from './progress-throttle';

type IndexHandlers = Pick<
  ApiHandlers,
  'getIndexStatus' | 'searchIndex' | 'getSearchPage' | 'startIndexRefresh' | 'cancelIndexRefresh'
>;

/** The latest search's answer: only its pages may be read. */
interface KeptSearch {
  id: string;
  keys: ImageKey[];
}

/** The image as the window lists it; the file where a default share (named by its path here) holds it. */
function shownImage(image: PageImage): IndexedImage {
  const file = path.isAbsolute(image.share) ? path.join(image.share, ...image.path.split('/')) : null;
  return { share: image.share, path: image.path, file, row: JSON.parse(image.row) as ImageRow };
}

/** Handlers of the index methods. */
export function indexHandlers(context: BackendContext): IndexHandlers {
  const url = indexUrl(undefined, process.env, context.options.configDir ?? defaultConfigDir());
  const jobs = new Map<string, AbortController>();
  let kept: KeptSearch | null = null;

  /** Runs `work` on the index opened for it, closed after. */
  const withIndex = async <T>(write: boolean, work: (store: IndexStore) => Promise<T>): Promise<T> => {
    const store = await openIndex(url, { write, cwd: process.cwd() });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };

  const status = async (): Promise<IndexStatus> => {
    try {
      return await withIndex(false, async (store) => {
        const root = context.folder === null ? null : await realpath(context.folder.root);
        if (root === null) return { where: store.where, ready: true, refused: null, folder: null };
        const place = placeFolder(root, [], await store.shareNames());
        const fresh = await folderFreshness(store, place.share, place.folder);
        return { where: store.where, ready: true, refused: null, folder: { ...place, path: place.folder, ...fresh } };
      });
    } catch (error) {
      if (!(error instanceof IndexRefused)) throw error;
      const missing = / no index yet|an index of an older AcqMeta/.test(error.message);
      return { where: url, ready: false, refused: missing ? null : error.message, folder: null };
    }
  };

  const page = (store: IndexStore, keys: readonly ImageKey[]) =>
    imagesAt(store, keys).then((images) => images.map(shownImage));

  return {
    getIndexStatus: () => status(),
    async searchIndex({ filter, limit }) {
      const query = parseFilter(filter);
      const refused = (await status()).ready ? null : 'There is no index yet: add a folder to it first.';
      if (refused !== null) throw new ApiFailure('NOT_FOUND', refused);
      return withIndex(false, async (store) => {
        const keys: ImageKey[] = [];
        for await (const found of findImages(store, query)) keys.push({ share: found.share, path: found.path });
        kept = { id: randomUUID(), keys };
        return {
          searchId: kept.id,
          total: keys.length,
          problems: query.problems,
          images: await page(store, keys.slice(0, limit)),
        };
      });
    },
    async getSearchPage({ searchId, offset, limit }) {
      const search = kept;
      if (search === null || search.id !== searchId)
        throw new ApiFailure('NOT_FOUND', 'That search was replaced by a later one: search again.');
      return withIndex(false, async (store) => ({
        images: await page(store, search.keys.slice(offset, offset + limit)),
      }));
    },
    async startIndexRefresh() {
      const folder = requireFolder(context);
      const root = await realpath(folder.root);
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const progress = throttledProgress<{ done: number }>((step) =>
        context.emit({ type: 'index-refresh-progress', jobId, ...step }),
      );
      let done = 0;
      const run = () =>
        withIndex(true, (store) =>
          refreshFolder(store, root, {
            entries: listImages(root),
            mounts: [],
            scanner: context.scanner,
            profiles: profileFinder(context, folder),
            signal: controller.signal,
            onImage: () => progress.note({ done: ++done }),
          }),
        );
      void run().then(
        async ({ counts }) => {
          jobs.delete(jobId);
          progress.flush();
          context.emit({ type: 'index-refresh-done', jobId, summary: { ...counts, status: await status() } });
        },
        (error: unknown) => {
          jobs.delete(jobId);
          context.emit({ type: 'index-refresh-failed', jobId, error: toBackendError(error) });
        },
      );
      return { jobId };
    },
    async cancelIndexRefresh({ jobId }) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
