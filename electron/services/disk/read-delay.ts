/**
 * The slow-disk test adapter: `ACQMETA_READ_DELAY_MS=<n>` in the environment makes every
 * file read (TIFF headers, sidecars, folder listings) wait `n` ms first, so tests and the
 * benchmark can show how the app behaves on a slow network share. Worker threads inherit the
 * variable (the scan worker reads it once and blocks each read, as a slow disk would).
 * `ACQMETA_READ_GATE=<file>` holds the walk before it lists a folder named in that file (one
 * name a line) until the file is removed: a test stops a scan at a known point and lets it go,
 * instead of racing the machine's speed. Unset, each costs one environment lookup per read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The delay the environment asks for, in ms (0 when unset or not a positive number; at most a minute). */
export function readDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.ACQMETA_READ_DELAY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 60_000) : 0;
}

/** What a blocked read waits on (never notified: the wait always times out). */
const BLOCKER = new Int32Array(new SharedArrayBuffer(4));

/** The delay of this thread's blocking reads, read once (a worker thread inherits the environment when it starts). */
export const THREAD_READ_DELAY_MS = readDelayMs();

/** Blocks this thread `ms` ms (default: the configured delay), as a slow disk blocks a synchronous read (worker threads). */
export function blockBeforeRead(ms = THREAD_READ_DELAY_MS): void {
  if (ms > 0) Atomics.wait(BLOCKER, 0, 0, ms);
}

/** Resolves after `ms` milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits the configured delay before a read; undefined (nothing to wait for) when there is none. */
export function beforeRead(): Promise<void> | undefined {
  const ms = readDelayMs();
  return ms > 0 ? sleep(ms) : undefined;
}

/** How often a held walk or write looks whether its gate still holds it (only under a gate variable). */
export const GATE_POLL_MS = 20;

/** The names (one a line) the gate file holds now; null once it is removed. */
export async function heldNames(gate: string): Promise<Set<string> | null> {
  try {
    const text = await readFile(gate, 'utf8');
    return new Set(text.split(/\r?\n/).filter((line) => line !== ''));
  } catch {
    return null;
  }
}

/** Waits the configured delay before listing `dir`, and while the gate holds a folder of that name. */
export async function beforeListing(dir: string): Promise<void> {
  await beforeRead();
  const gate = process.env.ACQMETA_READ_GATE;
  if (gate === undefined || gate === '') return;
  const name = path.basename(dir);
  while ((await heldNames(gate))?.has(name) === true) await sleep(GATE_POLL_MS);
}
