/**
 * More threads for file calls: libuv runs every asynchronous file call, fsync included, on a
 * pool of 4 threads by default, so at most 4 sidecar writes could wait for the disk at once.
 * With more, the fsyncs of many small files overlap (the file system commits them together).
 */

/** Threads in the pool unless the user set `UV_THREADPOOL_SIZE`. */
const DISK_THREADS = 16;

/**
 * Widens the pool. Effective only before the process's first asynchronous file call (the pool
 * starts then), so entry points call it first thing.
 */
export function widenDiskThreads(): void {
  process.env.UV_THREADPOOL_SIZE ??= String(DISK_THREADS);
}
