/**
 * Concurrent map over a stream that keeps the input order.
 */

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Applies `fn` to every item with up to `inFlight` calls running at once; yields results in
 * input order. A rejection is rethrown when its turn comes. Once `signal` aborts, nothing more
 * is started or yielded.
 */
export async function* mapInOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  inFlight: number,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const limit = Math.max(1, inFlight);
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const queue: Promise<Settled<R>>[] = [];
  const stopped = (): boolean => signal?.aborted === true;
  let exhausted = false;
  while (true) {
    while (!exhausted && queue.length < limit && !stopped()) {
      const next = await iterator.next();
      if (next.done === true) exhausted = true;
      else queue.push(settle(fn, next.value));
    }
    const head = queue.shift();
    if (head === undefined || stopped()) return;
    const result = await head;
    if (stopped()) return;
    if (!result.ok) throw result.error;
    yield result.value;
  }
}

async function settle<T, R>(fn: (item: T) => Promise<R>, item: T): Promise<Settled<R>> {
  try {
    return { ok: true, value: await fn(item) };
  } catch (error) {
    return { ok: false, error };
  }
}
