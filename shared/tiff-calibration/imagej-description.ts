/**
 * An ImageJ description (`ImageJ=…` lines of `key=value`) with some keys set: each line of
 * the description kept as written but the keys given, which replace their line or, when the
 * description lacks them, are added at its end (ImageJ and tifffile read the keys in any order).
 */

/** `text` with `values` set, key by key. */
export function withImageJValues(text: string, values: Readonly<Record<string, string>>): string {
  const lines = text.split('\n');
  // the description ends with a line break: its last "line" is empty and stays last
  const ending = lines.at(-1) === '' ? (lines.pop() as string) : null;
  const pending = new Map(Object.entries(values));
  const edited = lines.map((line) => {
    const key = line.slice(0, line.indexOf('=')).trim();
    const value = line.includes('=') ? pending.get(key) : undefined;
    if (value === undefined) return line;
    pending.delete(key);
    return `${key}=${value}`;
  });
  for (const [key, value] of pending) edited.push(`${key}=${value}`);
  if (ending !== null) edited.push(ending);
  return edited.join('\n');
}

/** A value as ImageJ reads it (as Java properties): `\u00B5m` is `µm`. */
export function propertiesText(value: string): string {
  return value.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
