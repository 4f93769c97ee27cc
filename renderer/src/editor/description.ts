/** Reading the ImageDescription kinds the editor pretty-prints. */

/** One `key=value` line of an ImageJ description. */
export interface KeyValue {
  key: string;
  value: string;
}

/** Splits an ImageJ description (`ImageJ=1.52s\nimages=3\n...`) into its key/value lines. */
export function imageJDescriptionLines(text: string): KeyValue[] {
  const entries: KeyValue[] = [];
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (line.trim() === '') continue;
    entries.push(
      eq < 0 ? { key: line.trim(), value: '' } : { key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() },
    );
  }
  return entries;
}

/** JSON indented two spaces, or the text as it is when it does not parse. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
