/**
 * Messages between threads sent a turn of the event loop at a time, for the write worker and
 * its client: what is added during one turn goes out in one message.
 */

/**
 * Returns `add(item, transfer?)`: items added in one turn of the event loop (with the buffers
 * they hand over) are passed to `post` together, once, at the end of that turn.
 */
export function turnBatch<T>(
  post: (items: T[], transfers: ArrayBuffer[]) => void,
): (item: T, transfer?: ArrayBuffer) => void {
  let items: T[] = [];
  let transfers: ArrayBuffer[] = [];
  const flush = (): void => {
    const out = items;
    const moved = transfers;
    items = [];
    transfers = [];
    post(out, moved);
  };
  return (item, transfer) => {
    items.push(item);
    if (transfer !== undefined) transfers.push(transfer);
    if (items.length === 1) setImmediate(flush);
  };
}
