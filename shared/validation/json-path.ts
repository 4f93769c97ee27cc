/**
 * Paths into plain JSON values: JSON Pointers as ajv reports them, and the way a person reads
 * them (`ROI 1, data`, `image contrast, channel "0"`).
 */

/** Splits a JSON Pointer (`/rois/0/data`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(segment)] : (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The lists of a sidecar whose items a person counts from 1, by what one item is called. */
const COUNTED_ITEMS: Readonly<Record<string, string>> = { rois: 'ROI', analysis: 'analysis record' };

/** Keys whose sidecar name says less to a person than a word does. */
const KEY_WORDS: Readonly<Record<string, string>> = {
  roi_id: 'id',
  roi_type: 'type',
};

/**
 * Says where a value is the way a person reads it, not as code would: `rois[5].roi_type` is
 * `ROI 6, type`, `analysis[0].summary` is `analysis record 1, summary`, `image_contrast["0"]` is
 * `image contrast, channel "0"` (the channel in quotes: it is the key's own text).
 */
export function placeInWords(root: unknown, path: readonly string[]): string {
  const parts: string[] = [];
  let node = root;
  let parentKey: string | null = null;
  for (const segment of path) {
    if (Array.isArray(node)) {
      const item = parentKey === null ? undefined : COUNTED_ITEMS[parentKey];
      if (item !== undefined) parts[parts.length - 1] = `${item} ${Number(segment) + 1}`;
      else parts.push(`item ${Number(segment) + 1}`);
    } else if (parentKey === 'image_contrast') {
      parts.push(`channel ${JSON.stringify(segment)}`);
    } else {
      parts.push(KEY_WORDS[segment] ?? segment.replace(/_/g, ' '));
    }
    parentKey = Array.isArray(node) ? null : segment;
    node = valueAt(node, [segment]);
  }
  return parts.length === 0 ? 'the top level' : parts.join(', ');
}
