/**
 * What a change by another program left of a sidecar that AcqMeta can no longer read: a
 * damaged file (with the reason) or none at all, as the History view, the timeline and
 * `acqmeta log` say it.
 */
import { withoutFileName } from '../errors';
import type { JournalRecord } from './journal-record';

/**
 * What `record` says another program left of its sidecar: `damaged: not valid JSON: … (line 12,
 * column 5)`, `deleted`, or null when it left a readable one.
 */
export function sidecarDamageText(record: JournalRecord): string | null {
  if (record.damaged !== undefined) return `damaged: ${record.damaged}`;
  return record.deleted === true ? 'deleted' : null;
}

/** Why a sidecar cannot be read, from its reader's `problems` (each may start with the file's `name`). */
export function damageReason(problems: readonly string[], name: string): string {
  const reasons = problems.map((problem) => withoutFileName(problem, name));
  return reasons.length === 0 ? 'it cannot be read' : reasons.join('; ');
}
