/**
 * Imported first by every entry point (the app, the server, the command line): sizes the
 * thread pool Node runs file-system calls in, before its first call starts it. Each sidecar a
 * save writes is synced (`fdatasync`) in that pool; with Node's four threads, only four syncs
 * wait on the disk at a time, while the file system commits many more in one journal write.
 * A value the user set in the environment is kept.
 */

/** Threads in the pool: enough syncs in flight for the disk to commit them together. */
const DISK_THREADS = 16;

process.env.UV_THREADPOOL_SIZE ??= String(DISK_THREADS);
