/**
 * Concurrent map over a stream that keeps the input order.
 */

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** How many calls run at once: `first` at the start, one more for each result yielded, up to `most`. */
export interface InFlight {
  first: number;
  most: number;
}

/**
 * Applies `fn` to every item with up to `inFlight` calls running at once; yields results in
 * input order. A rejection is rethrown when its turn comes. Once `signal` aborts, nothing more
 * is started or yielded. Starting with fewer calls in flight gets the first results sooner:
 * their reads do not queue behind hundreds of others. A result that is ready is yielded while
 * the next item is still awaited: a walk held up by a slow share does not hold back the rows
 * already read.
 */
export async function* mapInOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  inFlight: number | InFlight,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const { first, most } = typeof inFlight === 'number' ? { first: inFlight, most: inFlight } : inFlight;
  let limit = Math.max(1, Math.min(first, most));
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const queue: Promise<Settled<R>>[] = [];
  const stopped = (): boolean => signal?.aborted === true;
  let exhausted = false;
  let pending: Promise<IteratorResult<T>> | null = null;
  while (true) {
    while (!exhausted && queue.length < limit && !stopped()) {
      pending ??= Promise.resolve(iterator.next());
      const head = queue[0];
      const next =
        head === undefined
          ? await pending
          : await Promise.race([pending, head.then((): typeof HEAD_READY => HEAD_READY)]);
      if (next === HEAD_READY) break;
      pending = null;
      if (next.done === true) exhausted = true;
      else queue.push(settle(fn, next.value));
    }
    const head = queue.shift();
    if (head === undefined || stopped()) return;
    const result = await head;
    if (stopped()) return;
    if (!result.ok) throw result.error;
    limit = Math.min(most, limit + 1);
    yield result.value;
  }
}

/** What the race between the next item and the oldest call answers when that call settled first. */
const HEAD_READY = Symbol('head ready');

async function settle<T, R>(fn: (item: T) => Promise<R>, item: T): Promise<Settled<R>> {
  try {
    return { ok: true, value: await fn(item) };
  } catch (error) {
    return { ok: false, error };
  }
}
