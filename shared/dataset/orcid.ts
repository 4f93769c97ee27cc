/**
 * An ORCID iD's own check: four groups of four digits, the last character a check digit (ISO
 * 7064 MOD 11-2, `X` for ten), as orcid.org computes it. The template's pattern lets through a
 * mistyped digit; the checksum does not.
 */

/** Why `text` is not an ORCID iD (`0000-0002-8928-741X`), or null when it is one. */
export function orcidProblem(text: string): string | null {
  if (!/^(\d{4}-){3}\d{3}[\dX]$/.test(text))
    return 'is not an ORCID iD (four groups of four digits: 0000-0002-8928-741X)';
  const digits = text.replace(/-/g, '');
  let total = 0;
  for (const digit of digits.slice(0, -1)) total = (total + Number(digit)) * 2;
  const remainder = (12 - (total % 11)) % 11;
  const check = remainder === 10 ? 'X' : String(remainder);
  return digits.endsWith(check) ? null : `fails the ORCID checksum (its last character would be ${check})`;
}
