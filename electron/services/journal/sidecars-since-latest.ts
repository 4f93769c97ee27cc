/**
 * Whether the sidecars of journaled images still hold what their latest journal record wrote,
 * as `acqmeta log` tells: the one test of `sinceLatest`, on the sidecars read now.
 */
import { sinceLatest, type JournalRecord } from '../../../shared/journal';
import { sidecarNow } from './outside-changes';

/**
 * How an image's sidecar differs from what its latest record wrote: changed since (by another
 * program, or damaged), deleted since, still what that write found (the write was cut short),
 * or not readable now.
 */
export type SidecarSinceLatest = 'changed' | 'deleted' | 'cut-short' | 'unreadable';

/**
 * For each image of `paths` (relative to `folder`, `/`-separated) that has records among
 * `records` (oldest first), how its sidecar now differs from its latest record; an image whose
 * sidecar is what that record wrote is left out.
 */
export async function sidecarsSinceLatest(
  folder: string,
  records: readonly JournalRecord[],
  paths: Iterable<string>,
): Promise<Map<string, SidecarSinceLatest>> {
  const latest = new Map<string, JournalRecord>();
  for (const record of records) latest.set(record.path, record);
  const differ = new Map<string, SidecarSinceLatest>();
  for (const relPath of new Set(paths)) {
    const record = latest.get(relPath);
    if (record === undefined) continue;
    const sidecar = await sidecarNow(folder, relPath);
    if (sidecar === null) {
      differ.set(relPath, 'unreadable');
      continue;
    }
    const state = sinceLatest(record, sidecar.version?.sha256 ?? null);
    if (state === 'written') continue;
    differ.set(relPath, state === 'changed' && sidecar.version === null ? 'deleted' : state);
  }
  return differ;
}
