/**
 * Pending sidecar removals (pure): undoing a sidecar's creation from the change journal marks the
 * file for removal, as one step of the undo history, and Save removes it through the one save
 * path, only while it is still the version AcqMeta's record wrote.
 */
import { sidecarShownFor } from '../../../../shared/sidecar-location';
import type { ImageRow, SidecarVersion } from '../../../../shared/api';

/** A sidecar to remove on Save, and the version it must still be (the one its creation's record wrote). */
export interface SidecarRemoval {
  path: string;
  expected: SidecarVersion;
}

/** Pending removals by image path: the version each file must still be. */
export type RemovalMap = Readonly<Record<string, SidecarVersion>>;

/** Whether `row` still holds the sidecar `removal` expects. */
function holdsExpected(row: ImageRow | undefined, removal: SidecarRemoval): boolean {
  return row?.sidecar === 'ok' && row.version?.sha256 === removal.expected.sha256;
}

/**
 * `removals` with each of `added` pending, where the row still holds the expected sidecar and
 * it is not pending already; and the removals taken (the undo step records them).
 */
export function addRemovals(
  removals: RemovalMap,
  added: readonly SidecarRemoval[],
  rows: Readonly<Record<string, ImageRow>>,
): { removals: RemovalMap; taken: SidecarRemoval[] } {
  const taken = added.filter((r) => !Object.hasOwn(removals, r.path) && holdsExpected(rows[r.path], r));
  if (taken.length === 0) return { removals, taken };
  return { removals: { ...removals, ...Object.fromEntries(taken.map((r) => [r.path, r.expected])) }, taken };
}

/** `removals` without the paths of `dropped`; and the paths that were pending. */
export function dropRemovals(
  removals: RemovalMap,
  dropped: readonly string[],
): { removals: RemovalMap; pending: string[] } {
  const pending = dropped.filter((path) => Object.hasOwn(removals, path));
  if (pending.length === 0) return { removals, pending };
  const next = { ...removals };
  for (const path of pending) delete next[path];
  return { removals: next, pending };
}

/** Files a notice names before it counts the rest. */
const NAMED = 3;

/** The sidecar files of `paths`, named and counted: `a.czi.json, b.tif.json and 3 more`. */
export function sidecarNames(paths: readonly string[]): string {
  const named = paths.slice(0, NAMED).map(sidecarShownFor);
  return paths.length > NAMED ? `${named.join(', ')} and ${paths.length - NAMED} more` : named.join(', ');
}
