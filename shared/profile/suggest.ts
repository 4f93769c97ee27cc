/**
 * "Did you mean …?": the allowed value a person probably meant, from the profile's synonyms,
 * a match that differs only in case or spaces, or a near miss (one or two letters off).
 */

/** Lower case, no spaces, dots, dashes or underscores: `M. Musculus` → `mmusculus`. */
export function looseForm(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');
}

/** Edit distance counting a swap of two neighbouring letters as one edit; stops once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The value to suggest for `value`: its synonym (exact, then loosely matched), else the one
 * candidate equal to it loosely, else the one nearest candidate within a small edit distance
 * (1 for short words, about one edit per four letters for longer ones). None when unsure.
 */
export function suggestValue(
  value: string,
  candidates: readonly string[],
  synonyms: Readonly<Record<string, string>> = {},
): string | undefined {
  if (Object.hasOwn(synonyms, value)) return synonyms[value];
  const loose = looseForm(value);
  const synonym = Object.entries(synonyms).find(([variant]) => looseForm(variant) === loose);
  if (synonym !== undefined) return synonym[1];
  const same = candidates.filter((c) => c !== value && looseForm(c) === loose);
  if (same.length === 1) return same[0];
  const limit = Math.max(1, Math.floor(loose.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const d = distance(loose, looseForm(candidate), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= limit) {
      tie = true;
    }
  }
  return tie || loose === '' ? undefined : best;
}
