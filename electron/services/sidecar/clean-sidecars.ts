/**
 * Which sidecar contents are known to store only valid values, by their sha256, so that a save
 * need not validate the whole file again: field edits are validated on their own and cannot
 * make a clean file unclean (no rule of the schema ties one field to another).
 */
import { valueProblems, type Sidecar } from '../../../shared/sidecar';

/** Enough for a large folder; the oldest are forgotten first (and validated again if met). */
const MAX_KNOWN = 100_000;

const clean = new Set<string>();

/** Records what validating the sidecar whose content has this sha256 found. */
export function noteValueProblems(sha256: string, problems: readonly string[]): void {
  if (problems.length > 0 || clean.has(sha256)) return;
  clean.add(sha256);
  if (clean.size > MAX_KNOWN) clean.delete(clean.values().next().value as string);
}

/**
 * The value problems of `edited`, which field edits made from the content `previous` (null:
 * a new sidecar): none when `previous` is known to be clean, else found by validating. Once
 * it is written, {@link noteValueProblems} records them under its sha256.
 */
export function valueProblemsAfterEdit(previous: string | null, edited: Sidecar): string[] {
  return previous !== null && clean.has(previous) ? [] : valueProblems(edited);
}
