/**
 * A folder listing that runs ahead of its consumer, so a scan knows how many images there
 * are long before it has read them all, and reading never waits for the walk.
 */
import { UnreadTally, type UnreadFiles } from '../../../shared/unread-files';
import { listImageRuns, type ImageEntry } from './list-images';

/** Entries as they are found, and the count once the walk is over. */
export interface ListingAhead {
  /** Every image, in walk order; rethrows a failure of the walk when its turn comes. */
  entries: AsyncIterable<ImageEntry>;
  /** The number of images once the whole folder is listed; null until then. */
  total(): number | null;
  /** The acquisition files that get no row (formats AcqMeta does not read), once the whole folder is listed; null until then. */
  unread(): UnreadFiles | null;
}

/** Starts listing `root` at once; stops early when `signal` aborts. */
export function listAhead(root: string, signal?: AbortSignal): ListingAhead {
  const found: (ImageEntry | undefined)[] = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const unread = new UnreadTally();
  const notify = (): void => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  void (async () => {
    try {
      for await (const images of listImageRuns(root, unread)) {
        if (signal?.aborted === true) break;
        for (const image of images) found.push(image);
        notify();
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      notify();
    }
  })();
  async function* entries(): AsyncGenerator<ImageEntry> {
    let next = 0;
    for (;;) {
      if (next < found.length) {
        const entry = found[next] as ImageEntry;
        found[next++] = undefined; // the consumer holds it now; the listing need not
        yield entry;
      } else if (finished) {
        if (failure !== null) throw failure.error;
        return;
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  }
  const complete = (): boolean => finished && failure === null && signal?.aborted !== true;
  return {
    entries: entries(),
    total: () => (finished && failure === null ? found.length : null),
    unread: () => (complete() ? unread.result() : null),
  };
}
