/**
 * Paths into plain JSON values: JSON Pointers as ajv reports them, and the way a person reads
 * them (`rois[0].data`, `image_contrast["0"]`).
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

/** Writes a path the way a person reads it: `rois[0].data`, `image_contrast["0"]`. */
export function formatPath(root: unknown, path: readonly string[]): string {
  let out = '';
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node)) out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
    node = valueAt(node, [segment]);
  }
  return out === '' ? 'the top level' : out;
}
