/**
 * The instrument catalogue editor's pure part: a description file shown as its edits would
 * leave it (the edits applied to its text by the shared `applyInstrumentEdits`, the result read
 * and checked by the shared reader, so that the editor flags what `acqmeta` and the match
 * flag), its components grouped by type for the tables, a typed cell made into an edit, and the
 * problems placed on the cells they concern.
 */
import type {
  InstrumentComponentSpec,
  InstrumentEdit,
  InstrumentFieldSpec,
  InstrumentFileInfo,
} from '../../../shared/api-instruments';
import { duplicateKeys } from '../../../shared/duplicate-keys';
import { isWindowsDeviceName } from '../../../shared/windows-names';
import { applyInstrumentEdits, readInstrumentDescription, type InstrumentProblem } from '../../../shared/instruments';

/** A JSON object as parsed. */
export type JsonObject = Record<string, unknown>;

/** A description file as the edits leave it. */
export interface ShownDescription {
  /** The text the edits give; null when the file could not be read or the edits not applied. */
  text: string | null;
  /** The parsed description; null when `text` is not a JSON object, or writes a key twice (it is not edited then). */
  root: JsonObject | null;
  /** What the shared checks find in `text` (or why there is none). */
  problems: InstrumentProblem[];
}

/** Whether `value` is a JSON object (not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` (a file's text, null when it has none) with `edits` applied, read and checked as `file`. */
export function shownDescription(
  file: string,
  base: string | null,
  edits: readonly InstrumentEdit[],
  readProblems: readonly InstrumentProblem[] = [],
): ShownDescription {
  if (base === null) return { text: null, root: null, problems: [...readProblems] };
  let text: string;
  try {
    text = edits.length === 0 ? base : applyInstrumentEdits(base, [...edits]);
  } catch (error) {
    const message = `the changes could not be applied: ${(error as Error).message}`;
    return { text: null, root: null, problems: [{ file, at: '', message, severity: 'error' }] };
  }
  const { problems } = readInstrumentDescription(text, file);
  let root: unknown = null;
  try {
    root = JSON.parse(text);
  } catch {
    // the reader has said why
  }
  // an edit would land on the first of a key written twice, and every reader take the last
  const editable = isObject(root) && duplicateKeys(text).length === 0;
  return { text, root: editable ? (root as JsonObject) : null, problems };
}

/** The file's components as shown, each with its place (`components[3]`) for its problems. */
export function shownComponents(root: JsonObject | null): { component: JsonObject; at: string }[] {
  const list = root?.components;
  if (!Array.isArray(list)) return [];
  return list.flatMap((component, i) => (isObject(component) ? [{ component, at: `components[${i}]` }] : []));
}

/** One table of the editor: the components of one type, in file order. */
export interface ComponentGroup {
  spec: InstrumentComponentSpec;
  rows: { component: JsonObject; at: string }[];
}

/**
 * The components grouped by type, in the order of `specs`; a type with no component is left
 * out. `others`: the components of a type the editor does not offer (kept in the file as they are).
 */
export function componentGroups(
  root: JsonObject | null,
  specs: readonly InstrumentComponentSpec[],
): { groups: ComponentGroup[]; others: JsonObject[] } {
  const all = shownComponents(root);
  const groups = specs
    .map((spec) => ({ spec, rows: all.filter(({ component }) => component.Schema_ID === spec.schemaId) }))
    .filter((group) => group.rows.length > 0);
  const offered = new Set(specs.map((spec) => spec.schemaId));
  const others = all.filter(({ component }) => !offered.has(String(component.Schema_ID))).map((r) => r.component);
  return { groups, others };
}

/** The description's tier (1–5), 1 when it gives none. */
export function descriptionTier(root: JsonObject | null): number {
  const tier = Number(root?.Tier);
  return Number.isInteger(tier) && tier >= 1 && tier <= 5 ? tier : 1;
}

/** Whether a description of `tier` requires `field`. */
export function isRequired(field: InstrumentFieldSpec, tier: number): boolean {
  return field.requiredFromTier !== undefined && field.requiredFromTier <= tier;
}

/** A JSON value as a cell shows it: text and numbers as written, nothing for anything else. */
export function cellText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * What a cell typed as `text` stores: null (the key removed) when empty, a number for a number
 * field, else the text; `error` when a number field holds something else.
 */
export function typedValue(
  field: InstrumentFieldSpec,
  text: string,
): { value: string | number | null; error: null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, error: null };
  if (field.type !== 'number') return { value: trimmed, error: null };
  const number = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(number) || !/^[-+]?[\d.,]+(e[-+]?\d+)?$/i.test(trimmed))
    return {
      error: `${field.label}: “${trimmed}” is not a number (numbers only${field.unit ? `, in ${field.unit}` : ''})`,
    };
  return { value: number, error: null };
}

/** Where a set edit goes: the description, its stand, or a component by `ID`. */
export type EditTarget = Extract<InstrumentEdit, { op: 'set' }>['target'];

/** The key a typed cell is remembered by (`stand LensNA`, `id:o1 LensNA`). */
export function cellKey(file: string, target: EditTarget, key: string): string {
  const where = typeof target === 'string' ? target : `id:${target.id}`;
  return `${file}\u0000${where}\u0000${key}`;
}

const sameTarget = (a: EditTarget, b: EditTarget) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.id === b.id;

/**
 * `edits` with the value of `target`'s `key` set to `value`: an earlier set of the same cell is
 * replaced, and none is kept when the value is what `read` (the value before any edit) holds.
 */
export function withCellEdit(
  edits: readonly InstrumentEdit[],
  target: EditTarget,
  key: string,
  value: string | number | null,
  read: unknown,
): InstrumentEdit[] {
  const others = edits.filter((e) => !(e.op === 'set' && e.key === key && sameTarget(e.target, target)));
  const unchanged = value === null ? read === undefined : read === value;
  return unchanged ? others : [...others, { op: 'set', target, key, value }];
}

/** The problems about `at` (a JSON path: `components[3].LensNA`, `MicroscopeStand.Model`). */
export function problemsAt(problems: readonly InstrumentProblem[], at: string): InstrumentProblem[] {
  return problems.filter((p) => p.at === at);
}

/** The problems no cell of the editor shows: those about a whole component or the file, or keys without a column. */
export function problemsOffCells(
  problems: readonly InstrumentProblem[],
  cells: ReadonlySet<string>,
): InstrumentProblem[] {
  return problems.filter((p) => !cells.has(p.at));
}

/**
 * Where a problem is, in words: `Objective “10X PLAN NEOFLUAR” · CatalogNumber` for
 * `components[20].CatalogNumber`, `Stand · Model`, else the JSON path as it is.
 */
export function problemPlace(root: JsonObject | null, at: string, specs: readonly InstrumentComponentSpec[]): string {
  const inComponent = /^components\[(\d+)\](?:\.(.+))?$/.exec(at);
  if (inComponent === null) return at.replace(/^MicroscopeStand(\.|$)/, (_, dot) => (dot ? 'Stand · ' : 'Stand'));
  const list = root?.components;
  const component = Array.isArray(list) ? list[Number(inComponent[1])] : undefined;
  if (!isObject(component)) return at;
  const type = specs.find((spec) => spec.schemaId === component.Schema_ID)?.label ?? String(component.Schema_ID ?? '?');
  const name = typeof component.Name === 'string' && component.Name !== '' ? ` “${component.Name}”` : '';
  return `${type.replace(/\.json$/, '')}${name}${inComponent[2] ? ` · ${inComponent[2]}` : ''}`;
}

/**
 * The file a new description of `name` gets in the catalogue folder `folder`: the name in
 * lower case, runs of anything but letters and digits made one `-` (`LSM 880 (room 2)` →
 * `lsm-880-room-2.json`), numbered when `taken` holds it already; a name Windows keeps for a
 * device is not used (`Con` → `con-microscope.json`).
 */
export function newDescriptionFile(folder: string, name: string, taken: readonly string[]): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'microscope';
  // `con.json` is Windows's console, not a file: `con-microscope.json`
  const stem = isWindowsDeviceName(slug) ? `${slug}-microscope` : slug;
  const used = new Set(taken);
  let file = `${folder}/${stem}.json`;
  for (let n = 2; used.has(file); n++) file = `${folder}/${stem}-${n}.json`;
  return file;
}

/** A file's name for headings: its description's `Name`, else its file name. */
export function descriptionName(info: Pick<InstrumentFileInfo, 'file'>, root: JsonObject | null): string {
  const name = root?.Name;
  return typeof name === 'string' && name.trim() !== '' ? name : (info.file.split('/').pop() ?? info.file);
}
