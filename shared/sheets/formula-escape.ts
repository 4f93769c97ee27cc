/**
 * CSV injection (OWASP "CSV Injection", CWE-1236): spreadsheet programs read a cell of a CSV or
 * TSV file that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, and
 * run it (`=HYPERLINK(…)`, `=cmd|…`). Sidecars come from shared folders and other programs, so
 * their text is not trusted; the person opening the export is.
 *
 * A text cell that begins with one of those characters is written with a `'` in front, which
 * spreadsheet programs take as "this is text". So that the escape can be undone exactly, a text
 * that itself begins with `'` gets one more `'` in front. Reading back drops one `'` when it is
 * followed by one of those characters or by another `'`, and leaves every other text alone: a
 * file written here comes back unchanged, and a `'abc` typed elsewhere stays `'abc`. Numbers
 * are never escaped (they are written by type, never from the text); see docs/spreadsheets.md.
 */

/** The `'` that marks a cell as text in spreadsheet programs. */
const TEXT_MARK = "'";

/** First characters that make spreadsheet programs read a cell as a formula. */
const FORMULA_STARTS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether spreadsheet programs would read a cell holding `text` as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_STARTS.has(text.charAt(0));
}

/** Whether a cell's first character is one a text cell gets a `'` before. */
function needsMark(first: string): boolean {
  return FORMULA_STARTS.has(first) || first === TEXT_MARK;
}

/**
 * A text cell as a spreadsheet export writes it: `'` in front when it begins with a formula's
 * first character or with `'`; otherwise as it is (`=1+1` → `'=1+1`, `'a` → `''a`, `a` → `a`).
 */
export function escapeFormulaText(text: string): string {
  return needsMark(text.charAt(0)) ? TEXT_MARK + text : text;
}

/**
 * The text a cell of an imported CSV or TSV table stands for: the inverse of
 * {@link escapeFormulaText} (`'=1+1` → `=1+1`, `''a` → `'a`); text it never writes, such as
 * `'abc`, is kept as it is.
 */
export function unescapeFormulaText(cell: string): string {
  return cell.charAt(0) === TEXT_MARK && needsMark(cell.charAt(1)) ? cell.slice(1) : cell;
}
