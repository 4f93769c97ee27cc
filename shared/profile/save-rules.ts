/**
 * Which profile problems refuse a save: the one rule of `acqmeta set`, `acqmeta import`, the
 * app's save review and the backend's `saveSidecars`. Pure, so the renderer imports it alone.
 */
import type { ProfileProblem } from '../api';

/** Rules that never stop a save: a partial annotation may be saved, and a variant is a hint. */
const NON_BLOCKING = new Set(['required', 'x-synonyms']);

/**
 * Whether a problem refuses a save of `changed` fields: it is about one of them and breaks a
 * closed vocabulary, a pattern, a format, a range or another rule on the value ("required"
 * is reported by `validate`, never blocks saving).
 */
export function blocksSaving(problem: ProfileProblem, changed: ReadonlySet<string>): boolean {
  return problem.field !== null && changed.has(problem.field) && !NON_BLOCKING.has(problem.rule);
}
