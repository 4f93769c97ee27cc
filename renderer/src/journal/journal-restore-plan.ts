/**
 * A restore from the change journal turned into field inputs (pure): the values and absent keys
 * that put each image back, the sidecars to remove (going back before their creation), for the
 * images that can take them, and why the others cannot.
 */
import type { ImageRow } from '../../../shared/api';
import { editableField } from '../../../shared/fields/field-table';
import { sinceLatest, type RestoreChanges, type UndoChanges } from '../../../shared/journal';
import { type FieldInput, isEditable, type SidecarRemoval } from '../store';

/** Why an image is left out of a restore. */
export type RestoreSkip =
  /** It is not in the table (moved, deleted, or outside what was listed). */
  | 'not-listed'
  /** Its sidecar cannot be edited (corrupt, or no header to make one from). */
  | 'not-editable'
  /** Its sidecar is no longer what its latest journal record wrote: changed since, by a program that does not journal. */
  | 'changed-since'
  /** Undoing its creation would remove what later actions changed, and the review did not take them back. */
  | 'changed-later';

/** The inputs of a restore, the sidecars it removes, and the images left out. */
export interface RestorePlan {
  inputs: FieldInput[];
  /** Sidecars to remove on Save (going back before their creation), each at the version its latest record wrote. */
  removals: SidecarRemoval[];
  skipped: { path: string; why: RestoreSkip }[];
}

/**
 * Why `row` cannot take `restore`, or null when it can: its sidecar must hold what its latest
 * record wrote, or what that record found (the write was cut short by a crash); one to remove
 * must hold exactly what AcqMeta wrote, with no later change left standing.
 */
function skipReason(row: ImageRow | undefined, restore: RestoreChanges): RestoreSkip | null {
  if (row === undefined) return 'not-listed';
  if (!isEditable(row)) return 'not-editable';
  const now = row.version?.sha256 ?? null;
  const state = sinceLatest(restore.latest, now);
  if (restore.removeSidecar === true) {
    if (state !== 'written' || now === null) return 'changed-since';
    return 'contested' in restore && (restore as UndoChanges).contested.length > 0 ? 'changed-later' : null;
  }
  return state === 'written' || (state === 'cut-short' && now !== null) ? null : 'changed-since';
}

/**
 * The field inputs that apply `restores` to the images of `rows`: each value to store, each key
 * the file lacked as an `absent` input (saving takes the key out again), and each sidecar whose
 * creation is gone back before as a removal.
 */
export function restorePlan(
  restores: readonly RestoreChanges[],
  rows: Readonly<Record<string, ImageRow>>,
): RestorePlan {
  const plan: RestorePlan = { inputs: [], removals: [], skipped: [] };
  for (const restore of restores) {
    const row = rows[restore.path];
    if (restore.removeSidecar === true && row?.sidecar === 'missing') continue; // no sidecar: nothing to remove
    const why = skipReason(row, restore);
    if (why !== null) {
      plan.skipped.push({ path: restore.path, why });
      continue;
    }
    const { path } = restore;
    if (restore.removeSidecar === true && row?.version) plan.removals.push({ path, expected: row.version });
    for (const [name, value] of Object.entries(restore.values))
      if (editableField(name)) plan.inputs.push({ path, name, value });
    for (const name of restore.remove) if (editableField(name)) plan.inputs.push({ path, name, absent: true });
  }
  return plan;
}

const SKIP_TEXTS: Record<RestoreSkip, string> = {
  'not-listed': 'not in the table',
  'not-editable': 'its sidecar cannot be edited',
  'changed-since': 'changed on disk since its last journal record',
  'changed-later': 'later actions changed it: take them back too to remove the sidecar',
};

/** Images a notice names before it counts the rest. */
const NAMED_SKIPS = 3;

/** The notice naming the images a restore left out: `Not restored: a.tif (not in the table); …`. */
export function skippedText(skipped: RestorePlan['skipped']): string {
  const named = skipped.slice(0, NAMED_SKIPS).map(({ path, why }) => `${path} (${SKIP_TEXTS[why]})`);
  const more = skipped.length > NAMED_SKIPS ? `; and ${skipped.length - NAMED_SKIPS} more` : '';
  return `Not restored: ${named.join('; ')}${more}.`;
}
