/**
 * Imported first by every entry point (the app, the server, the command line): tunes Node for
 * AcqMeta's work before anything runs.
 *
 * - Sizes the thread pool Node runs file-system calls in, before its first call starts it.
 *   Each sidecar a save writes is synced (`fdatasync`) in that pool; with Node's four threads,
 *   only four syncs wait on the disk at a time, while the file system commits many more in one
 *   journal write.
 * - Raises V8's tiering budget: how much bytecode a function runs before it is considered for
 *   optimisation. A scan runs a broad path (TIFF, ImageJ, OME-XML, vendor headers) over a few
 *   seconds; with V8's default, V8's optimising compiler spent about as much CPU as the scan
 *   itself, compiling functions that had little left to run. Hot loops are still optimised, a
 *   little later. Worker threads share the setting (V8's flags are per process).
 *
 * A value the user set (in the environment, or as a flag to Node) is kept.
 */
import { setFlagsFromString } from 'node:v8';

/** Threads in the pool: enough syncs in flight for the disk to commit them together. */
const DISK_THREADS = 16;

/** Bytes of bytecode a function runs before V8 considers optimising it: eight times Node 20's default. */
const TIERING_BUDGET = 8 * 66 * 1024;

process.env.UV_THREADPOOL_SIZE ??= String(DISK_THREADS);

const nodeFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
if (!/--interrupt[-_]budget=/.test(nodeFlags)) setFlagsFromString(`--interrupt-budget=${TIERING_BUDGET}`);
