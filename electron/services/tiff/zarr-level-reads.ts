/**
 * How zarrita reads one resolution level for a preview: only the level's own keys, each read
 * bounded by what it may hold, the shard indexes it keeps within a budget, and a few chunks at
 * a time, stopping at the first failure.
 */
import type * as zarr from 'zarrita';
import { MAX_DOCUMENT_BYTES } from '../../../shared/ngff/store-keys';
import type { NgffLevel, ZarrStore } from '../../../shared/ngff/types';

/** Most bytes of one shard's index (16 bytes a chunk, a million chunks). */
const MAX_SHARD_INDEX_BYTES = 16 * 1024 * 1024 + 4;
/** Most bytes of shard indexes one plane reads: zarrita keeps every index it read until the plane is done. */
const MAX_SHARD_INDEXES_BYTES = 64 * 1024 * 1024;

/** The most bytes a chunk of `rawBytes` may take compressed (an incompressible chunk grows a little). */
export const encodedBound = (rawBytes: number): number => rawBytes + Math.ceil(rawBytes / 16) + 64 * 1024;

/** A read zarrita asked for that a preview does not make. */
export class RefusedRead extends Error {}

/** zarrita's view of the store: the level's keys only (`/0/c/0/0`), absent keys undefined, each read bounded. */
export function levelStore(store: ZarrStore, level: NgffLevel, chunkBytes: number): zarr.Readable {
  const keyOf = (path: string): string => {
    const key = path.replace(/^\//, '');
    if (!key.startsWith(`${level.path}/`)) throw new RefusedRead(`a read of ${key}, outside level ${level.path}`);
    return key;
  };
  const isMetadata = (key: string): boolean => /(^|\/)(zarr\.json|\.zarray|\.zattrs)$/.test(key);
  let indexBytes = 0;
  return {
    async get(path) {
      const key = keyOf(path);
      return (await store.get(key, isMetadata(key) ? MAX_DOCUMENT_BYTES : encodedBound(chunkBytes))) ?? undefined;
    },
    async getRange(path, range) {
      const key = keyOf(path);
      if (!('suffixLength' in range))
        return (await store.getRange?.(key, range, encodedBound(chunkBytes))) ?? undefined;
      indexBytes += range.suffixLength;
      if (indexBytes > MAX_SHARD_INDEXES_BYTES)
        throw new RefusedRead(`shard indexes of more than ${MAX_SHARD_INDEXES_BYTES} bytes for one plane`);
      return (await store.getRange?.(key, range, MAX_SHARD_INDEX_BYTES)) ?? undefined;
    },
  };
}

/**
 * A chunk queue that runs at most `limit` chunks at once (zarrita's own starts them all). After a
 * failure it starts no other chunk, and it fails once those running have ended, so that no read
 * goes on after the preview has answered.
 */
export function limitedQueue(limit: number): zarr.GetOptions['createQueue'] {
  return () => {
    const tasks: (() => Promise<void>)[] = [];
    return {
      add: (task) => void tasks.push(task),
      async onIdle() {
        let next = 0;
        let failure: { error: unknown } | null = null;
        const run = async (): Promise<void> => {
          while (failure === null && next < tasks.length) {
            try {
              await (tasks[next++] as () => Promise<void>)();
            } catch (error) {
              failure ??= { error };
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, run));
        if (failure !== null) throw (failure as { error: unknown }).error;
        return [];
      },
    };
  };
}
