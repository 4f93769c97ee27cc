/**
 * Keys written twice in one JSON object. JSON.parse and Python keep the last of them, while an
 * edit that splices the file's bytes finds the first: an edit of such a file would be read back
 * as if it had not been made. The files users edit (microscope descriptions, lab profiles,
 * presets) are refused until the key is written once.
 */
import { parseWithPositions, type PositionedValue } from './instruments/json-positions';

/** A key that appears again in the same object. */
export interface DuplicateKey {
  key: string;
  /** Where the key is, as a JSON path: `components[3].LensNA`. */
  at: string;
  /** The 1-based lines of the key's first appearance and of this one. */
  lines: [first: number, again: number];
  /** The offset of the key's second appearance in the text. */
  offset: number;
}

/** A JSON path's step into an object: `.key`, or `["odd key"]` when the key is not a plain name. */
function step(at: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return at === '' ? key : `${at}.${key}`;
  return `${at}[${JSON.stringify(key)}]`;
}

/** The keys of `text` that appear twice or more in one object, in the order of the text; none when it is not JSON. */
export function duplicateKeys(text: string): DuplicateKey[] {
  let root: PositionedValue;
  try {
    root = parseWithPositions(text);
  } catch {
    return [];
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const found: DuplicateKey[] = [];
  const walk = (value: PositionedValue, at: string): void => {
    if (value.kind === 'array') value.items.forEach((item, i) => walk(item, `${at}[${i}]`));
    if (value.kind !== 'object') return;
    const first = new Map<string, number>();
    for (const member of value.members) {
      const seen = first.get(member.key);
      if (seen === undefined) first.set(member.key, member.keyStart);
      else
        found.push({
          key: member.key,
          at: step(at, member.key),
          lines: [lineOf(seen), lineOf(member.keyStart)],
          offset: member.keyStart,
        });
      walk(member.value, step(at, member.key));
    }
  };
  walk(root, '');
  return found.sort((a, b) => a.offset - b.offset);
}

/** `is written twice (on lines 12 and 14): …`: what is wrong with a duplicate, said of the key its caller names. */
export function duplicateKeyText({ lines }: DuplicateKey): string {
  const said = lines[0] === lines[1] ? `on line ${lines[0]}` : `on lines ${lines[0]} and ${lines[1]}`;
  return `is written twice (${said}): an edit would change the first and every reader take the last; keep one, then edit`;
}
