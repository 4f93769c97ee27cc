/**
 * A restore from the change journal turned into field inputs (pure): the values and absent keys
 * that put each image back, for the images that can take them, and why the others cannot.
 */
import type { ImageRow } from '../../../../shared/api';
import { editableField } from '../../../../shared/fields/field-table';
import { sinceLatest, type RestoreChanges } from '../../../../shared/journal';
import type { FieldInput } from '../slices/edits-slice';
import { isEditable } from './edit-logic';

/** Why an image is left out of a restore. */
export type RestoreSkip =
  /** It is not in the table (moved, deleted, or outside what was listed). */
  | 'not-listed'
  /** Its sidecar cannot be edited (corrupt, or no header to make one from). */
  | 'not-editable'
  /** Its sidecar is no longer what its latest journal record wrote: changed since, by a program that does not journal. */
  | 'changed-since'
  /** Going back before its sidecar's creation removes the file: the command line does that, not the app's edits. */
  | 'creation';

/** The inputs of a restore, and the images left out. */
export interface RestorePlan {
  inputs: FieldInput[];
  skipped: { path: string; why: RestoreSkip }[];
}

/**
 * Why `row` cannot take `restore`, or null when it can: its sidecar must hold what its latest
 * record wrote, or what that record found (the write was cut short by a crash).
 */
function skipReason(row: ImageRow | undefined, restore: RestoreChanges): RestoreSkip | null {
  if (row === undefined) return 'not-listed';
  if (!isEditable(row)) return 'not-editable';
  if (restore.removeSidecar === true) return 'creation';
  const now = row.version?.sha256 ?? null;
  const state = sinceLatest(restore.latest, now);
  return state === 'written' || (state === 'cut-short' && now !== null) ? null : 'changed-since';
}

/**
 * The field inputs that apply `restores` to the images of `rows`: each value to store, and each
 * key the file lacked as an `absent` input (saving takes the key out again).
 */
export function restorePlan(
  restores: readonly RestoreChanges[],
  rows: Readonly<Record<string, ImageRow>>,
): RestorePlan {
  const plan: RestorePlan = { inputs: [], skipped: [] };
  for (const restore of restores) {
    const why = skipReason(rows[restore.path], restore);
    if (why !== null) {
      plan.skipped.push({ path: restore.path, why });
      continue;
    }
    const { path } = restore;
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
  creation: 'before its creation there was no sidecar: acqmeta restore removes it',
};

/** Images a notice names before it counts the rest. */
const NAMED_SKIPS = 3;

/** The notice naming the images a restore left out: `Not restored: a.tif (not in the table); …`. */
export function skippedText(skipped: RestorePlan['skipped']): string {
  const named = skipped.slice(0, NAMED_SKIPS).map(({ path, why }) => `${path} (${SKIP_TEXTS[why]})`);
  const more = skipped.length > NAMED_SKIPS ? `; and ${skipped.length - NAMED_SKIPS} more` : '';
  return `Not restored: ${named.join('; ')}${more}.`;
}
