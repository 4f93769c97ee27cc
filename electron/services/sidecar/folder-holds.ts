/**
 * The folder locks this process holds (see `lock-folder.ts`), shared by all its writes in
 * flight in a folder: taken by the first, released when the last one ends. A lock is one
 * `mkdir` and one `rmdir` per folder and burst of writes rather than per file, where they
 * would double the folder changes a write makes. So that other writers get their turn, a lock
 * held longer than {@link HOLD_MS} admits no new write until it has been released.
 */
import { lockFolder, type Release } from './lock-folder';

/**
 * How long a lock admits new writes: long enough that its `mkdir` and `rmdir` cost nothing
 * beside the writes (hundreds of files on a local disk), short enough that another writer
 * waiting for the folder (the app's save beside a long `acqmeta set`) gets it within about this.
 */
const HOLD_MS = 500;

/**
 * How long a lock with no write in flight is kept for the next one: in a bulk write a folder's
 * writes in flight often drop to none for a moment, and each new lock would cost a `mkdir`
 * and an `rmdir` more; a save alone ends this much later.
 */
const LINGER_MS = 10;

/** Whether a lock with no write in flight is kept for the next one (see {@link releaseAtOnce}). */
let lingering = true;

interface Hold {
  /** Writes in flight under this lock. */
  users: number;
  since: number;
  /** Set once the lock admits no new write; `closed` resolves when it is released. */
  closing: boolean;
  released: boolean;
  release: Release;
  closed: Promise<void>;
  markClosed: () => void;
  /** While no write is in flight: the timer that releases the lock, and the leave waiting for it. */
  linger: { timer: NodeJS.Timeout; done: () => void } | null;
}

const holds = new Map<string, Promise<Hold>>();

/**
 * Joins the lock of the folder `dir` held by this process, taking it when there is none (or
 * when it is closing); resolves with the leave, which releases the lock when it is the last
 * write in flight there. Fails as `lockFolder` does.
 */
export async function enterFolder(dir: string, name: string, imagePath: string): Promise<() => Promise<void>> {
  for (;;) {
    let pending = holds.get(dir);
    if (pending === undefined) {
      pending = take(dir, name, imagePath);
      const taking = pending;
      holds.set(dir, taking);
      taking.catch(() => {
        if (holds.get(dir) === taking) holds.delete(dir);
      });
    }
    const hold = await pending;
    if (!hold.closing && Date.now() - hold.since < HOLD_MS) {
      hold.users += 1;
      stopLinger(hold);
      return () => leave(dir, hold, pending);
    }
    hold.closing = true;
    if (hold.users === 0) {
      stopLinger(hold);
      void close(dir, hold, pending);
    }
    await hold.closed;
  }
}

async function take(dir: string, name: string, imagePath: string): Promise<Hold> {
  const release = await lockFolder(dir, name, imagePath);
  let markClosed = (): void => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  return { users: 0, since: Date.now(), closing: false, released: false, release, closed, markClosed, linger: null };
}

/**
 * Has every lock of this process released as soon as its last write ends, never kept for a
 * next one: for a command whose writes run one after another, where the next write never
 * comes within the linger and waiting for it only delays the command's end.
 */
export function releaseAtOnce(): void {
  lingering = false;
}

/** Resolves once the lock no longer needs this write: another write is still in flight or joined meanwhile, or the lock is released. */
function leave(dir: string, hold: Hold, entry: Promise<Hold>): Promise<void> {
  hold.users -= 1;
  if (hold.users > 0) return Promise.resolve();
  if (hold.closing || !lingering) return close(dir, hold, entry);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      hold.linger = null;
      void close(dir, hold, entry).then(resolve);
    }, LINGER_MS);
    hold.linger = { timer, done: resolve };
  });
}

function stopLinger(hold: Hold): void {
  if (hold.linger === null) return;
  clearTimeout(hold.linger.timer);
  hold.linger.done();
  hold.linger = null;
}

/** Releases a lock that has no write in flight; the writes waiting for it take it again. */
async function close(dir: string, hold: Hold, entry: Promise<Hold>): Promise<void> {
  if (hold.released) return hold.closed;
  hold.closing = true;
  hold.released = true;
  await hold.release();
  if (holds.get(dir) === entry) holds.delete(dir);
  hold.markClosed();
}
