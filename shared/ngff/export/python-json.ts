/**
 * Documents written as acqstore writes its JSON: `json.dumps(payload, indent=2,
 * sort_keys=True)` and a final newline. Python tells an int (`3`) from a float (`3.0`), so a
 * float is marked with {@link pyFloat}; every other number must be whole.
 */
import type { JsonEntry, JsonNode } from '../../sidecar';
import { writeJson } from '../../sidecar';
import { pythonFloatRepr, pythonIntRepr } from '../../sidecar';

/** A number Python holds as a float. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** `value` as a Python float (`1.0`, not `1`). */
export const pyFloat = (value: number): PyFloat => new PyFloat(value);

/** A value of a document: as in JSON, with ints and floats told apart; an undefined member is left out. */
export type PyValue =
  null | boolean | number | string | PyFloat | readonly PyValue[] | { readonly [key: string]: PyValue | undefined };

function nodeOf(value: PyValue): JsonNode {
  if (value === null || typeof value === 'boolean') return { kind: 'literal', value, offset: -1 };
  if (typeof value === 'string') return { kind: 'string', value, offset: -1 };
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`${value} is not an int: mark a float with pyFloat`);
    return { kind: 'number', text: pythonIntRepr(value), offset: -1 };
  }
  if (value instanceof PyFloat) return { kind: 'number', text: pythonFloatRepr(value.value), offset: -1 };
  if (Array.isArray(value)) return { kind: 'array', items: (value as readonly PyValue[]).map(nodeOf), offset: -1 };
  const entries: JsonEntry[] = [];
  for (const [key, member] of Object.entries(value as Record<string, PyValue | undefined>))
    if (member !== undefined) entries.push({ key, value: nodeOf(member) });
  return { kind: 'object', entries, offset: -1 };
}

/** The document's text: `json.dumps(value, indent=2, sort_keys=True) + '\n'`. */
export function pythonJson(value: PyValue): string {
  return `${writeJson(nodeOf(value))}\n`;
}
