/**
 * Normalizing a field's values (pure): the distinct values in use with their counts, which
 * of them are variants of another (a synonym the profile names, a compact date where dates are
 * written YYYY-MM-DD, a value outside its closed vocabulary, the same words in another case or
 * spacing), and what each would become.
 */
import type { ProfileFieldRules } from '../../../shared/api';
import { compactDateAsIso, looseForm, suggestValue } from '../../../shared/profile';

/** Why a value is offered for replacement. */
export type VariantReason = 'synonym' | 'compact-date' | 'not-allowed' | 'near-duplicate';

/** One distinct value of the field. */
export interface DistinctValue {
  value: string;
  images: number;
  /** Set when the value looks like a variant of another. */
  reason: VariantReason | null;
  /** What it would become ('' when there is no suggestion). */
  suggestion: string;
}

/** A replacement the user confirmed: every image with `from` gets `to`. */
export interface Replacement {
  from: string;
  to: string;
}

/**
 * The distinct values of `counts` (value → images), most used first, each with its reason and
 * suggestion: a synonym maps to its value; a compact date (`20240502`) becomes `2024-05-02`
 * when the profile gives the field the `date` format or that form is in use; outside a closed
 * vocabulary, the allowed value it is nearest to; otherwise a value equal to a more used one
 * but for case, spaces or punctuation becomes that one (a compact date never is that one).
 */
export function distinctValues(
  counts: ReadonlyMap<string, number>,
  rules: ProfileFieldRules | undefined,
): DistinctValue[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const synonyms = rules?.synonyms ?? {};
  const allowed = rules?.enum?.filter((v): v is string => typeof v === 'string');
  const dateField = rules?.format === 'date';
  const canonical = new Map<string, string>();
  for (const value of [...(allowed ?? []), ...sorted.map(([v]) => v)])
    if (!canonical.has(looseForm(value)) && compactDateAsIso(value) === null) canonical.set(looseForm(value), value);
  return sorted.map(([value, images]): DistinctValue => {
    const synonym = Object.hasOwn(synonyms, value) ? synonyms[value] : undefined;
    if (synonym !== undefined && synonym !== value) return { value, images, reason: 'synonym', suggestion: synonym };
    const iso = compactDateAsIso(value);
    if (iso !== null && (dateField || counts.has(iso)))
      return { value, images, reason: 'compact-date', suggestion: iso };
    if (allowed !== undefined && !allowed.includes(value))
      return { value, images, reason: 'not-allowed', suggestion: suggestValue(value, allowed, synonyms) ?? '' };
    const same = canonical.get(looseForm(value));
    if (same !== undefined && same !== value) return { value, images, reason: 'near-duplicate', suggestion: same };
    return { value, images, reason: null, suggestion: '' };
  });
}

/** The replacements that change something: a value becoming another (never nothing), each value once. */
export function effectiveReplacements(replacements: readonly Replacement[]): Replacement[] {
  const seen = new Set<string>();
  return replacements.filter((r) => r.to !== '' && r.to !== r.from && !seen.has(r.from) && seen.add(r.from));
}
