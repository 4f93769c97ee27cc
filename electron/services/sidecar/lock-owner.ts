/**
 * Who holds a folder lock (see `lock-folder.ts`): its owner writes its machine, process id and
 * the process's start time into a file inside the lock folder, so that a writer meeting a lock
 * of a process of its own machine that has died takes it over at once instead of waiting for it
 * to go stale. The start time (from `/proc` on Linux) tells a dead owner from a new process that
 * got its id. Where there is none (macOS, Windows), or the owner is on another machine, or its
 * file cannot be read (not written yet by a live owner that just made the lock), the lock is the
 * stale rule's.
 */
import { randomUUID } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The owner file in a lock folder. */
const OWNER_FILE = 'owner';

interface LockOwner {
  host: string;
  pid: number;
  /** The process's start, in clock ticks since boot (`/proc/<pid>/stat`); null where unknown. */
  started: string | null;
  /** The boot it started in (`/proc/sys/kernel/random/boot_id`); null where unknown. */
  boot: string | null;
}

/** The file's text, trimmed; null when it cannot be read. */
async function textOf(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** The start time of process `pid` on this machine; null when it does not run or it cannot be told. */
async function processStart(pid: number): Promise<string | null> {
  const stat = await textOf(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The name in parentheses may hold spaces; the start time is the 20th field after it.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = (): Promise<string | null> => textOf('/proc/sys/kernel/random/boot_id');

/** This process as a lock's owner, as its owner file holds it: read once, since none of it changes while the process runs. */
let ownOwnerText: Promise<string> | undefined;

function ownerText(): Promise<string> {
  ownOwnerText ??= Promise.all([processStart(process.pid), bootId()]).then(([started, boot]) =>
    JSON.stringify({ host: os.hostname(), pid: process.pid, started, boot } satisfies LockOwner),
  );
  return ownOwnerText;
}

/**
 * Writes this process as the owner of the lock folder `lockDir`, just made (see `lock-folder.ts`:
 * before `proper-lockfile` reads the modification time it keeps as the lock's, so that none is
 * put back), on this thread: a bulk write takes a folder's lock again every half second while
 * the writes there wait, and each call queued on the thread pool behind the syncs in flight
 * held them up. The file is written in place: one read half-written is no owner, as one not
 * written yet, and leaves the lock to the stale rule, as a failure here does.
 */
export async function writeLockOwner(lockDir: string): Promise<void> {
  const text = await ownerText();
  try {
    writeFileSync(path.join(lockDir, OWNER_FILE), text);
  } catch {
    // the stale rule's
  }
}

/**
 * Removes the lock folder `lockDir`: its owner file (on this thread, as it was written), then
 * the folder; one that holds more (a writer killed while it made the owner file of an older
 * version) is removed whole.
 */
export async function removeLockFolder(lockDir: string): Promise<void> {
  try {
    unlinkSync(path.join(lockDir, OWNER_FILE));
  } catch {
    // gone, or never written
  }
  try {
    await rmdir(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') await rm(lockDir, { recursive: true, force: true });
  }
}

/** The owner read from its text; null when it is not one. */
function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.host !== 'string' || !Number.isSafeInteger(owner.pid)) return null;
    return owner as LockOwner;
  } catch {
    return null;
  }
}

/** Whether the owner is a process of this machine that is known to have ended. */
async function isDeadHere(owner: LockOwner): Promise<boolean> {
  if (owner.host !== os.hostname() || owner.started === null) return false;
  const boot = await bootId();
  if (owner.boot !== null && boot !== null && owner.boot !== boot) return true;
  const started = await processStart(owner.pid);
  return started === null ? !isRunning(owner.pid) : started !== owner.started;
}

/** Whether a process `pid` runs on this machine (one of another user counts, though it cannot be signalled). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the lock folder `lockDir` when its owner is a process of this machine that has died;
 * resolves whether it did. The folder is first renamed aside and its owner read again, so that
 * a lock another writer took over and made anew meanwhile is put back, not removed.
 */
export async function removeDeadLock(lockDir: string): Promise<boolean> {
  const text = await textOf(path.join(lockDir, OWNER_FILE));
  const owner = text === null ? null : parseOwner(text);
  if (owner === null || !(await isDeadHere(owner))) return false;
  const aside = `${lockDir}.${randomUUID()}`;
  try {
    await rename(lockDir, aside);
  } catch {
    return false; // another writer took it over first
  }
  if ((await textOf(path.join(aside, OWNER_FILE))) !== text) {
    await rename(aside, lockDir).catch(() => undefined);
    await rm(aside, { recursive: true, force: true });
    return false;
  }
  // Named as condemned before its owner file goes: a kill inside the removal leaves a folder
  // that says by its name that it may go, whatever is left in it.
  const condemned = `${aside}${CONDEMNED}`;
  const doomed = await rename(aside, condemned).then(
    () => condemned,
    () => aside,
  );
  await rm(doomed, { recursive: true, force: true });
  return true;
}

/** The suffix of a lock folder moved aside whose owner was found dead: it is being removed. */
const CONDEMNED = '.gone';

/** A lock folder moved aside by {@link removeDeadLock} (`.acqmeta-lock.<uuid>`, then `<…>.gone`). */
const ASIDE_LOCK = /^\.acqmeta-lock\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.gone)?$/;

/**
 * A lock folder moved aside with no owner file is a live writer's lock taken before it wrote
 * its owner, put back within milliseconds unless the remover was killed in between: one this
 * old (by its modification time, which its owner touched while it held it) is nobody's.
 */
const OWNERLESS_ASIDE_AGE_MS = 60_000;

/** Whether `name` is that of a lock folder moved aside to be removed. */
export function isAsideLockName(name: string): boolean {
  return ASIDE_LOCK.test(name);
}

/**
 * Removes a lock folder moved aside by a writer that died before it removed it: one named as
 * condemned, one whose owner is a dead process of this machine, one with no owner file for
 * {@link OWNERLESS_ASIDE_AGE_MS}. One put back for a live owner is left. Resolves whether it did.
 */
export async function removeDeadAsideLock(asideDir: string): Promise<boolean> {
  if (!(await mayRemoveAside(asideDir))) return false;
  await rm(asideDir, { recursive: true, force: true });
  return true;
}

async function mayRemoveAside(asideDir: string): Promise<boolean> {
  if (asideDir.endsWith(CONDEMNED)) return true;
  const text = await textOf(path.join(asideDir, OWNER_FILE));
  if (text === null) {
    const modified = await stat(asideDir).then(
      (info) => info.mtimeMs,
      () => Date.now(),
    );
    return Date.now() - modified > OWNERLESS_ASIDE_AGE_MS;
  }
  const owner = parseOwner(text);
  return owner !== null && (await isDeadHere(owner));
}
