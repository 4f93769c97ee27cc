/**
 * Reads sidecar text: structural problems (CloudScope would ignore the file) make it invalid;
 * stored values that break the field table are reported but the file stays editable.
 */
import { EXPERIMENT_FIELDS, HEADER_FIELDS } from '../fields/field-table';
import { REQUIRED_SIDECAR_KEYS } from '../schema/sidecar-schema';
import { typeMessage, validateSidecarObject } from '../validation';
import { readJson, positionOf } from './json-reader';
import { describeNodeKind, memberOf, type JsonNode, type JsonObject } from './json-tree';
import { Sidecar, sectionOf } from './sidecar';

/** A structural problem; `line`/`column` (1-based) point into the text where known. */
export interface SidecarProblem {
  message: string;
  line?: number;
  column?: number;
}

/** The outcome of {@link parseSidecar}. */
export type SidecarParseResult =
  { ok: true; sidecar: Sidecar; problems: string[] } | { ok: false; problems: SidecarProblem[] };

const CONTAINERS: ReadonlyArray<readonly [string, 'object' | 'array']> = [
  ['rois', 'array'],
  ['experiment_metadata', 'object'],
  ['image_header_metadata', 'object'],
  ['analysis', 'array'],
];

/** How much {@link parseSidecar} checks. */
export interface ParseOptions {
  /**
   * Check the stored values against the field table (the problems a row shows). Default true;
   * off where only the structure matters, e.g. just before a save edits the file.
   */
  checkValues?: boolean;
}

/** The problem of a sidecar that is valid but for the byte order mark it starts with. */
const BYTE_ORDER_MARK_PROBLEM =
  "Byte order mark (BOM) at the start: Python's json, and so CloudScope, refuses the file; AcqMeta saves it without one";

/**
 * Parses sidecar text; `ok: false` when CloudScope would not load it (never save over it). A
 * text that is a valid sidecar but for a leading byte order mark is read, with
 * {@link BYTE_ORDER_MARK_PROBLEM}: its sidecar is written without the mark when saved.
 */
export function parseSidecar(text: string, options: ParseOptions = {}): SidecarParseResult {
  if (text.charCodeAt(0) === 0xfeff) {
    const unmarked = parseUnmarked(text.slice(1), options);
    if (unmarked.ok) {
      const sidecar = new Sidecar(unmarked.sidecar.text, unmarked.sidecar.root, unmarked.sidecar.canonical, true);
      return { ok: true, sidecar, problems: [BYTE_ORDER_MARK_PROBLEM, ...unmarked.problems] };
    }
  }
  return parseUnmarked(text, options);
}

/** {@link parseSidecar} of a text without a byte order mark (one left in is a JSON error). */
function parseUnmarked(text: string, options: ParseOptions): SidecarParseResult {
  const read = readJson(text);
  if (!read.ok) {
    const { line, column } = positionOf(text, read.offset);
    return {
      ok: false,
      problems: [{ message: `not valid JSON: ${read.message} (line ${line}, column ${column})`, line, column }],
    };
  }
  const root = read.value;
  const at = (message: string, node: JsonNode): SidecarProblem => {
    const { line, column } = positionOf(text, node.offset);
    return { message: `${message} (line ${line}, column ${column})`, line, column };
  };
  if (root.kind !== 'object') {
    return { ok: false, problems: [at(`the top level must be an object, not ${describeNodeKind(root)}`, root)] };
  }
  const problems: SidecarProblem[] = [];
  const version = memberOf(root, 'version');
  if (version !== undefined && !(version.kind === 'number' && version.text === '2')) {
    problems.push(at(`version is ${shown(version)}; only version 2 is supported`, version));
  }
  for (const key of REQUIRED_SIDECAR_KEYS) {
    if (memberOf(root, key) === undefined) problems.push({ message: `required key "${key}" is missing` });
  }
  for (const [key, kind] of CONTAINERS) {
    const node = memberOf(root, key);
    if (node !== undefined && node.kind !== kind) {
      problems.push(
        at(`"${key}" must be ${kind === 'array' ? 'an array' : 'an object'}, not ${describeNodeKind(node)}`, node),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const sidecar = new Sidecar(text, root, read.canonical);
  return { ok: true, sidecar, problems: options.checkValues === false ? [] : valueProblems(sidecar) };
}

/**
 * What is wrong with the values a structurally valid sidecar stores (fields that break the
 * field table, ROIs CloudScope would refuse): reported on the row, the file stays editable.
 */
export function valueProblems(sidecar: Sidecar): string[] {
  return [...new Set([...validateSidecarObject(sidecar.plain()), ...integerTextProblems(sidecar.root)])];
}

function shown(node: JsonNode): string {
  if (node.kind === 'number') return node.text;
  if (node.kind === 'string') return JSON.stringify(node.value);
  return describeNodeKind(node);
}

/** Whole-number fields written as `2.0` or `1e3`: Python reads those as floats. */
function integerTextProblems(root: JsonObject): string[] {
  const problems: string[] = [];
  for (const spec of [...EXPERIMENT_FIELDS, ...HEADER_FIELDS]) {
    if (spec.type !== 'int') continue;
    const node = memberOf(sectionOf(root, spec.section), spec.name);
    if (node?.kind === 'number' && !/^-?\d+$/.test(node.text)) problems.push(typeMessage(spec, node.text));
  }
  return problems;
}
