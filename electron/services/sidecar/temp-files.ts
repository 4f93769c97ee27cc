/**
 * The hidden temp files of atomic writes (`.acqmeta-<host>-<pid>-<n>.tmp`): naming them, knowing
 * which ones this process is writing, and removing the ones a killed write left behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, type Dirent } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  COLLECTION_IMAGES_FOLDER,
  INSIDE_SIDECAR_KEY,
  isNativeStoreName,
  isZarrStoreName,
} from '../../../shared/ngff/store-name';
import { readCollectionAt } from '../ngff/collection-at';
import { lookInStore } from '../ngff/store-entry';
import { isAsideLockName, removeDeadAsideLock } from './lock-owner';
import { sidecarStepsFor } from './sidecar-path';

/**
 * A temp file whose writer cannot be asked (another machine on a network share, or a name
 * from an older version) is stale once it is this old: a write holds its temp file for the
 * time of one small write and fsync, far less than this even on a slow share.
 */
export const STALE_TEMP_AGE_MS = 15 * 60 * 1000;

/** Every temp name this module makes or removes; `<host>-<pid>-` tags the writer. */
const TEMP_NAME = /^\.acqmeta-(?:([0-9a-f]{6})-(\d+)-)?[0-9a-z]+\.tmp$/;

/** This machine's tag in temp names: a short hash of the host name. */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/** Unique within this process; the random prefix keeps names of a reused pid apart. */
const PROCESS_TAG = `${HOST_TAG}-${process.pid}-${randomBytes(3).toString('hex')}`;
let counter = 0;

/** Temp files this process is writing now (absolute paths): never removed by a sweep. */
const live = new Set<string>();

/** A fresh temp path in `dir`, registered as live until `releaseTemp`. */
export function claimTemp(dir: string): string {
  counter += 1;
  const temp = path.join(dir, `.acqmeta-${PROCESS_TAG}${counter.toString(36)}.tmp`);
  live.add(temp);
  return temp;
}

/** The write that claimed `temp` is over (renamed or removed). */
export function releaseTemp(temp: string): void {
  live.delete(temp);
}

/** Whether `name` is one of our temp names. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/**
 * Whether a temp file may be removed: never one this process is writing; one written by a
 * process of this machine that is gone; anything older than {@link STALE_TEMP_AGE_MS}.
 */
export function isStaleTemp(file: string, mtimeMs: number, now = Date.now()): boolean {
  if (live.has(file)) return false;
  if (now - mtimeMs > STALE_TEMP_AGE_MS) return true;
  const name = path.basename(file);
  const match = TEMP_NAME.exec(name);
  if (match?.[1] !== HOST_TAG) return false;
  // Ours but not live: a failed clean-up. Our pid with another tag: an earlier process that had it.
  if (name.startsWith(`.acqmeta-${PROCESS_TAG}`) || Number(match[2]) === process.pid) return true;
  return !processAlive(Number(match[2]));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * Whether `pid` has ended but is not yet reaped by its parent (Linux: state Z): it answers a
 * signal yet writes nothing more. Elsewhere (no /proc) it counts as alive.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // the state follows the command's name in parentheses, which may hold spaces and parentheses
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Removes the stale temp files (and lock folders a dead writer left aside) directly in `dir`; returns how many. Never throws. */
export async function sweepStaleTemps(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
  return removeStale(dir, entries);
}

async function removeStale(dir: string, entries: readonly Dirent[]): Promise<number> {
  let removed = 0;
  for (const entry of entries) {
    if (entry.isDirectory() && isAsideLockName(entry.name)) {
      if (await removeDeadAsideLock(path.join(dir, entry.name))) removed += 1;
      continue;
    }
    if (!entry.isFile() || !isTempName(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const info = await lstat(file).catch(() => null);
    if (info === null || !info.isFile() || !isStaleTemp(file, info.mtimeMs)) continue;
    if (
      await rm(file).then(
        () => true,
        () => false,
      )
    )
      removed += 1;
  }
  return removed;
}

/**
 * Removes stale temp files in `root` and every folder under it (hidden ones and symbolic
 * links excepted, as the folder walk skips them, and Zarr stores, where AcqMeta writes only the
 * sidecars of CloudScope's stores and of a collection's images); returns how many. Stops early when `signal` aborts. Never throws.
 */
export async function sweepStaleTempsUnder(root: string, signal?: AbortSignal): Promise<number> {
  let removed = 0;
  const pending = [root];
  while (pending.length > 0 && signal?.aborted !== true) {
    const dir = pending.pop() as string;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (!isZarrStoreName(entry.name)) pending.push(path.join(dir, entry.name));
      // a CloudScope store's sidecar is written inside it: its folder, alone, is swept
      else if (isNativeStoreName(entry.name)) removed += await sweepInsideStore(path.join(dir, entry.name));
      else removed += await sweepInsideCollection(path.join(dir, entry.name));
    }
    removed += await removeStale(dir, entries);
  }
  return removed;
}

/** Removes stale temp files in the sidecar folders of the images a collection's manifest lists; returns how many (0 for another store). */
async function sweepInsideCollection(store: string): Promise<number> {
  const collection = await readCollectionAt(store).catch(() => null);
  let removed = 0;
  for (const member of collection?.members ?? []) {
    // looked at step by step: a link anywhere inside the collection is not followed
    let folder;
    try {
      folder = lookInStore(store, `${COLLECTION_IMAGES_FOLDER}/${member}/${path.posix.dirname(INSIDE_SIDECAR_KEY)}`);
    } catch {
      continue; // a folder that cannot be looked at holds nothing to sweep
    }
    if (folder !== null && 'stats' in folder && folder.stats.isDirectory())
      removed += await sweepStaleTemps(folder.path);
  }
  return removed;
}

/** Removes stale temp files in the folder of a CloudScope store's sidecar (never through a link); returns how many. */
async function sweepInsideStore(store: string): Promise<number> {
  const folder = sidecarStepsFor(store)[0] as string;
  const info = await lstat(folder).catch(() => null);
  return info?.isDirectory() === true ? sweepStaleTemps(folder) : 0;
}
