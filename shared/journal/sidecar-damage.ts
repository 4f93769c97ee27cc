/**
 * What a change by another program left of a sidecar that AcqMeta can no longer read: a
 * damaged file (with the reason) or none at all, as the History view, the timeline and
 * `acqmeta log` say it.
 */
import { withoutFileName } from '../errors';
import type { JournalRecord } from './journal-record';

/** A sidecar left damaged (why, in words) or deleted by another program. */
export type SidecarDamage = { kind: 'damaged'; reason: string } | { kind: 'deleted' };

/** What `record` says another program left of its sidecar; null when it left a readable one. */
export function sidecarDamage(record: JournalRecord): SidecarDamage | null {
  if (record.damaged !== undefined) return { kind: 'damaged', reason: record.damaged };
  return record.deleted === true ? { kind: 'deleted' } : null;
}

/** `damaged: not valid JSON: … (line 12, column 5)`, `deleted`, or null. */
export function sidecarDamageText(record: JournalRecord): string | null {
  const damage = sidecarDamage(record);
  if (damage === null) return null;
  return damage.kind === 'deleted' ? 'deleted' : `damaged: ${damage.reason}`;
}

/** Why a sidecar cannot be read, from its reader's `problems` (each may start with the file's `name`). */
export function damageReason(problems: readonly string[], name: string): string {
  const reasons = problems.map((problem) => withoutFileName(problem, name));
  return reasons.length === 0 ? 'it cannot be read' : reasons.join('; ');
}
