/**
 * Edits to a Micro-Meta App description applied to its text: each edit replaces, inserts or
 * removes the bytes of the one value it touches, so every other byte (the file's formatting,
 * keys and component types AcqMeta does not know) stays as it was. A new description is written
 * in the Micro-Meta App's own layout.
 */
import type { InstrumentEdit } from '../api-instruments';
import { duplicateKeys, duplicateKeyText } from '../duplicate-keys';
import { parseWithPositions, type PositionedMember, type PositionedValue } from './json-positions';

type PositionedObject = Extract<PositionedValue, { kind: 'object' }>;

/** The Micro-Meta App schema version a new description is written in. */
export const NEW_MODEL_VERSION = '2.01.0';

/** How the file writes what an edit adds: the colon between key and value, one level of indentation. */
interface TextStyle {
  colon: string;
  /** `''` for a compact (one-line) file. */
  unit: string;
}

/**
 * The text of `text` with `edits` applied in order; throws an Error when one cannot be (an ID no
 * component has, text that is not a description, a key written twice: the edit would land on
 * the first and every reader take the last).
 */
export function applyInstrumentEdits(text: string, edits: readonly InstrumentEdit[]): string {
  const duplicate = edits.length === 0 ? undefined : duplicateKeys(text)[0];
  if (duplicate !== undefined) throw new Error(`${duplicate.at} ${duplicateKeyText(duplicate)}`);
  return edits.reduce(applyOne, text);
}

function applyOne(text: string, edit: InstrumentEdit): string {
  const root = parseWithPositions(text);
  if (root.kind !== 'object') throw new Error('the description is not a JSON object');
  const style = styleOf(text, root);
  if (edit.op === 'add') {
    for (const key of ['Schema_ID', 'ID', 'Name'])
      if (typeof edit.component[key] !== 'string') throw new Error(`a component to add needs a text ${key}`);
    if (componentsOf(root).some((item) => idOf(item) === edit.component.ID))
      throw new Error(`a component with the ID "${String(edit.component.ID)}" is already in the description`);
    const list = memberOf(root, 'components')?.value;
    if (list === undefined) return setKey(text, root, 'components', [edit.component], style);
    if (list.kind !== 'array') throw new Error('the description\'s "components" is not a list');
    return appendItem(text, list, edit.component, style);
  }
  if (edit.op === 'remove') {
    const list = memberOf(root, 'components')?.value;
    const items = list?.kind === 'array' ? list.items : [];
    const index = items.findIndex((item) => idOf(item) === edit.id);
    if (list === undefined || index < 0) throw new Error(`no component has the ID "${edit.id}"`);
    return removeAt(text, list, items, index);
  }
  if (edit.target === 'instrument') return setKey(text, root, edit.key, edit.value, style);
  if (edit.target === 'stand') {
    const stand = memberOf(root, 'MicroscopeStand')?.value;
    if (stand === undefined)
      return edit.value === null ? text : setKey(text, root, 'MicroscopeStand', { [edit.key]: edit.value }, style);
    if (stand.kind !== 'object') throw new Error('the description\'s "MicroscopeStand" is not an object');
    return setKey(text, stand, edit.key, edit.value, style);
  }
  const id = edit.target.id;
  const component = componentsOf(root).find((item) => idOf(item) === id);
  if (component === undefined) throw new Error(`no component has the ID "${id}"`);
  return setKey(text, component, edit.key, edit.value, style);
}

/** The text of a new description named `name` with the stand `stand`, no components yet, in the Micro-Meta App's layout. */
export function newInstrumentText(
  name: string,
  stand: Record<string, string | number>,
  ids: { id: string; standId: string } = { id: crypto.randomUUID(), standId: crypto.randomUUID() },
  tier = 1,
): string {
  return JSON.stringify({
    Name: name,
    Schema_ID: 'Instrument.json',
    ID: ids.id,
    Tier: tier,
    ModelVersion: NEW_MODEL_VERSION,
    MicroscopeStand: { Name: name, ID: ids.standId, Tier: tier, ModelVersion: NEW_MODEL_VERSION, ...stand },
    components: [],
  });
}

const memberOf = (object: PositionedObject, key: string): PositionedMember | undefined =>
  object.members.find((member) => member.key === key);

/** The components (objects) of the description. */
function componentsOf(root: PositionedObject): PositionedObject[] {
  const list = memberOf(root, 'components')?.value;
  if (list?.kind !== 'array') return [];
  return list.items.filter((item): item is PositionedObject => item.kind === 'object');
}

function idOf(item: PositionedValue): unknown {
  if (item.kind !== 'object') return undefined;
  const id = memberOf(item, 'ID')?.value;
  return id?.kind === 'scalar' ? id.value : undefined;
}

/** The file's colon and indentation, from the description's own first key. */
function styleOf(text: string, root: PositionedObject): TextStyle {
  const first = root.members[0];
  if (first === undefined) return { colon: ':', unit: '' };
  const lead = text.slice(root.start + 1, first.keyStart);
  const newline = lead.lastIndexOf('\n');
  return { colon: text.slice(first.keyEnd, first.value.start), unit: newline < 0 ? '' : lead.slice(newline + 1) };
}

/** The whitespace that starts the line holding `at`. */
function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** `value` as JSON in the file's style, its lines after the first starting with `indent`. */
function valueText(value: unknown, style: TextStyle, indent: string): string {
  if (style.unit === '') return JSON.stringify(value);
  return JSON.stringify(value, null, style.unit)
    .split('\n')
    .map((line, i) => (i === 0 ? line : indent + line))
    .join('\n');
}

/** The text between the delimiter before an element (`{`, `[` or `,`) and the element: its line break and indentation. */
function leadOf(text: string, container: PositionedValue, index: number, starts: number[]): string {
  const before = index === 0 ? container.start + 1 : text.indexOf(',', endOf(container, index - 1)) + 1;
  return text.slice(before, starts[index]);
}

function endOf(container: PositionedValue, index: number): number {
  if (container.kind === 'object') return (container.members[index] as PositionedMember).value.end;
  if (container.kind === 'array') return (container.items[index] as PositionedValue).end;
  return container.end;
}

/** Sets (null: removes) `key` of `object`: the value's bytes replaced, or the key added after the object's last. */
function setKey(text: string, object: PositionedObject, key: string, value: unknown, style: TextStyle): string {
  const index = object.members.findIndex((member) => member.key === key);
  const member = object.members[index];
  if (value === null)
    return member === undefined
      ? text
      : removeAt(
          text,
          object,
          object.members.map((m) => m.value),
          index,
        );
  const indent = lineIndent(text, member?.keyStart ?? object.start) + (member === undefined ? style.unit : '');
  if (member !== undefined)
    return text.slice(0, member.value.start) + valueText(value, style, indent) + text.slice(member.value.end);
  const pair = `${JSON.stringify(key)}${style.colon}${valueText(value, style, indent)}`;
  return insertLast(
    text,
    object,
    object.members.map((m) => m.keyStart),
    pair,
    style,
  );
}

/** Appends `item` to the list `list`. */
function appendItem(text: string, list: PositionedValue & { kind: 'array' }, item: unknown, style: TextStyle): string {
  const starts = list.items.map((element) => element.start);
  const indent =
    list.items.length > 0
      ? lineIndent(text, starts[starts.length - 1] as number)
      : lineIndent(text, list.start) + style.unit;
  return insertLast(text, list, starts, valueText(item, style, indent), style);
}

/** `entry` inserted after the last element of `container` (whose elements start at `starts`), led as the last one is. */
function insertLast(
  text: string,
  container: PositionedValue,
  starts: number[],
  entry: string,
  style: TextStyle,
): string {
  const count = starts.length;
  if (count === 0) {
    const open = container.start + 1;
    const outer = lineIndent(text, container.start);
    const wrapped = style.unit === '' ? entry : `\n${outer}${style.unit}${entry}\n${outer}`;
    return text.slice(0, open) + wrapped + text.slice(container.end - 1);
  }
  const last = endOf(container, count - 1);
  return `${text.slice(0, last)},${leadOf(text, container, count - 1, starts)}${entry}${text.slice(last)}`;
}

/** The element `index` of `container` (whose elements are `values`) removed with its comma. */
function removeAt(text: string, container: PositionedValue, values: PositionedValue[], index: number): string {
  const starts =
    container.kind === 'object' ? container.members.map((member) => member.keyStart) : values.map((v) => v.start);
  const count = starts.length;
  // the only element: the container is left empty (`[]`, `{}`)
  if (count === 1) return text.slice(0, container.start + 1) + text.slice(container.end - 1);
  if (index < count - 1) return text.slice(0, starts[index]) + text.slice(starts[index + 1]);
  return text.slice(0, endOf(container, index - 1)) + text.slice(endOf(container, index));
}
