/**
 * How two channel tables differ, row by row, matched by Channel ID: the rows one adds, removes
 * and changes. A row without a Channel ID, or repeating one, is matched by its place instead.
 */
import type { ChannelTable } from './channel-table';

/** The Channel IDs (or `row N`, 1-based, for a row without a usable one) a change touches. */
export interface ChannelRowChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Each row of `table` by its key: its Channel ID, or `row N` when it has none or repeats one. */
function rowsByKey(table: ChannelTable | null): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>();
  (table?.rows ?? []).forEach((row, i) => {
    const id = (row['Channel ID'] ?? '').trim();
    rows.set(id === '' || rows.has(id) ? `row ${i + 1}` : id, row);
  });
  return rows;
}

function sameRow(a: Record<string, string>, b: Record<string, string>): boolean {
  const columns = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...columns].every((column) => (a[column] ?? '') === (b[column] ?? ''));
}

/** The rows `after` adds to `before`, removes from it and changes (null: no table, no rows). */
export function channelRowChanges(before: ChannelTable | null, after: ChannelTable | null): ChannelRowChanges {
  const old = rowsByKey(before);
  const now = rowsByKey(after);
  const changes: ChannelRowChanges = { added: [], removed: [], changed: [] };
  for (const [key, row] of now) {
    const was = old.get(key);
    if (was === undefined) changes.added.push(key);
    else if (!sameRow(was, row)) changes.changed.push(key);
  }
  for (const key of old.keys()) if (!now.has(key)) changes.removed.push(key);
  return changes;
}

/** `2 rows added (Channel:0:3, Channel:0:4); 1 removed (Channel:0:0)`, or `no row changed`. */
export function describeRowChanges({ added, removed, changed }: ChannelRowChanges): string {
  const part = (ids: string[], what: string) => (ids.length === 0 ? [] : [`${ids.length} ${what} (${ids.join(', ')})`]);
  const parts = [...part(added, 'added'), ...part(removed, 'removed'), ...part(changed, 'changed')];
  return parts.length === 0 ? 'no row changed' : `rows ${parts.join('; ')}`;
}
