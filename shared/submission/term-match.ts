/**
 * A value checked against a list of controlled terms, and "did you mean" for a near miss.
 *
 * - **Accepted**: the value equals a term once both are normalised (case, spacing and
 *   punctuation ignored); the term is then written as the template labels it.
 * - **Near miss**: otherwise, the terms that share a distinctive word with the value: words of
 *   three or more characters, or of letters and digits (`Z1`), leaving out company forms and generic words
 *   (`Carl`, `GmbH`, `Inc`, `Microscopy`, `Microsystems`, …). So `Carl Zeiss` may mean
 *   `Zeiss Microscopy`, and `Olympus` `Evident Scientific (Olympus)`, the vendor's old name
 *   being part of HuBMAP's label. They are suggested, never written, best first: most
 *   distinctive words shared, then most words shared.
 */

/** Words that say what a company or an instrument is, not which one: never enough for a suggestion. */
const GENERIC_WORDS = new Set([
  'carl',
  'gmbh',
  'ag',
  'inc',
  'corp',
  'corporation',
  'co',
  'ltd',
  'kk',
  'llc',
  'microscope',
  'microscopy',
  'microsystems',
  'instruments',
  'imaging',
  'system',
  'systems',
  'scientific',
  'confocal',
  'the',
]);

/** The value in lower case with punctuation and runs of spaces made one space. */
export function normaliseTerm(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinctive words of a value: of three or more characters or of letters and digits, generic words left out. */
function words(value: string): Set<string> {
  return new Set(
    normaliseTerm(value)
      .split(' ')
      .filter((word) => (word.length >= 3 || (/\d/.test(word) && /\p{L}/u.test(word))) && !GENERIC_WORDS.has(word)),
  );
}

/** A term match: the accepted label, or the labels a near miss may mean (best first, at most three). */
export type TermMatch = { accepted: string } | { accepted: null; suggestions: string[] };

/** Whether `value` is one of `labels` (normalised), else which labels it may have meant. */
export function matchTerm(value: string, labels: readonly string[]): TermMatch {
  const wanted = normaliseTerm(value);
  const exact = labels.find((label) => normaliseTerm(label) === wanted);
  if (exact !== undefined) return { accepted: exact };
  const valueWords = words(value);
  const allWords = new Set(wanted.split(' '));
  const shared = (label: string, mine: ReadonlySet<string>, theirs: Iterable<string>) =>
    [...theirs].filter((word) => mine.has(word)).length;
  // ranked by distinctive words shared, then by all words shared (`Microsystems` tells Leica's two apart)
  const scored = labels
    .map((label) => ({
      label,
      distinctive: shared(label, valueWords, words(label)),
      all: shared(label, allWords, normaliseTerm(label).split(' ')),
    }))
    .filter(({ distinctive }) => distinctive > 0)
    .sort((a, b) => b.distinctive - a.distinctive || b.all - a.all || a.label.localeCompare(b.label));
  return { accepted: null, suggestions: scored.slice(0, 3).map(({ label }) => label) };
}
