/**
 * What the editor shows of a sidecar AcqMeta will not edit: its text, bounded, with the
 * problem's line, and the values that can still be read before the damage (never defaults).
 */
import type { DamagedSidecar } from '../api-image';
import { positionOf, readJson } from './json-reader';
import { parseSidecar } from './parse-sidecar';
import { salvageValues } from './salvage-values';

/**
 * The most text sent to the editor (characters). A sidecar is a few kilobytes; a longer file
 * (ROIs and analyses by the thousand, or not a sidecar at all) is shown around its problem.
 */
export const DAMAGED_TEXT_LIMIT = 100_000;

/**
 * Describes an invalid sidecar from its text (`utf8`: false when the bytes were not UTF-8 and
 * `text` is their lenient decoding); `limit` caps the text kept.
 */
export function describeDamagedSidecar(text: string, utf8: boolean, limit = DAMAGED_TEXT_LIMIT): DamagedSidecar {
  const read = readJson(text);
  const stop = read.ok ? null : read.offset;
  const parsed = utf8 ? parseSidecar(text, { checkValues: false }) : null;
  const first = parsed !== null && !parsed.ok ? parsed.problems[0] : undefined;
  const problem = utf8 ? (first?.message ?? 'the file cannot be read') : 'not valid UTF-8 text';
  const at = stop !== null ? positionOf(text, stop) : first?.line !== undefined ? first : null;
  const shown = excerpt(text, at?.line ?? 1, limit);
  return {
    kind: !utf8 ? 'encoding' : read.ok ? 'structure' : 'json',
    problem,
    line: at?.line ?? null,
    column: at?.column ?? null,
    ...shown,
    values: salvageValues(text, stop ?? text.length),
    readUntilLine: stop === null ? null : positionOf(text, stop).line,
  };
}

/** The whole text when it fits in `limit` characters, else whole lines around `line` that do. */
function excerpt(
  text: string,
  line: number,
  limit: number,
): Pick<DamagedSidecar, 'text' | 'firstLine' | 'totalLines' | 'cut'> {
  const lines = text.split('\n');
  if (text.length <= limit) return { text, firstLine: 1, totalLines: lines.length, cut: false };
  let from = line - 1;
  let to = line; // lines [from, to) are kept
  let size = Math.min((lines[from] ?? '').length, limit);
  for (let grew = true; grew;) {
    grew = false;
    for (const side of [to, from - 1]) {
      const next = lines[side];
      if (next === undefined || size + next.length + 1 > limit) continue;
      size += next.length + 1;
      if (side === to) to++;
      else from--;
      grew = true;
    }
  }
  const kept = lines.slice(from, to).join('\n').slice(0, limit);
  return { text: kept, firstLine: from + 1, totalLines: lines.length, cut: true };
}
