/**
 * Saves on a nearly full disk: every write in flight holds a temp copy of its file until its
 * rename, so with many in flight the disk can run out of room for some that would fit alone.
 * A save that fails for want of room is tried again once the writes in flight have ended, one
 * such retry at a time; only one that fails then too is reported as failed.
 */
import { ApiFailure } from '../../../shared/errors';

/** The errno codes of a disk (or a quota) without room. */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT']);

let inFlight = 0;
const idle: (() => void)[] = [];
let retries: Promise<unknown> = Promise.resolve();

/** Whether a save failed for want of room: a disk error, or the `IO` failure made of one (its `cause`). */
function isNoRoom(error: unknown): boolean {
  const failure = error instanceof ApiFailure ? error.cause : error;
  return NO_ROOM.has((failure as NodeJS.ErrnoException | undefined)?.code ?? '');
}

async function counted<T>(save: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await save();
  } finally {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of idle.splice(0)) wake();
  }
}

/** Resolves once no save is in flight. */
function whenIdle(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
}

/**
 * Runs `save` (which may be run twice: it reads and plans afresh); when it fails for want of
 * room, runs it once more after the saves in flight have ended, after any earlier such retry.
 */
export async function retriedWhenFull<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await counted(save);
  } catch (error) {
    if (!isNoRoom(error)) throw error;
  }
  const retry = retries.then(whenIdle).then(() => counted(save));
  retries = retry.catch(() => undefined);
  return retry;
}
