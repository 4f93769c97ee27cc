/**
 * A sidecar that passed the structural checks of {@link parseSidecar}, with its original text
 * and lossless tree.
 */
import type { HeaderValues } from '../image-header';
import {
  EDITABLE_FIELDS,
  type FieldSection,
  type FieldSpec,
  type FieldValue,
  type FieldValues,
} from '../fields/field-table';
import { memberOf, numberValue, toPlain, type JsonNode, type JsonObject } from './json-tree';

/** A structurally valid sidecar: `text` as read, `root` as parsed (never mutated). */
export class Sidecar {
  private plainValues: Record<string, unknown> | undefined;
  private stored: { values: FieldValues; absent: string[] } | undefined;

  /**
   * Made by `parseSidecar`, which has checked that both field sections are objects.
   * `canonical`: `text` is exactly what `writeJson` makes of `root` and `root`'s offsets point
   * into it (a file CloudScope wrote, as read), so an edit may replace values in the text.
   * `byteOrderMark`: the file read began with one, which `text` leaves out (and so does a save).
   */
  constructor(
    readonly text: string,
    readonly root: JsonObject,
    readonly canonical = false,
    readonly byteOrderMark = false,
  ) {}

  /** The whole sidecar as plain values (made once; callers must not change it). */
  plain(): Record<string, unknown> {
    this.plainValues ??= toPlain(this.root) as Record<string, unknown>;
    return this.plainValues;
  }

  /** Editable fields whose key the file lacks (older CloudScope files lack `age`; made once, callers must not change it). */
  absentFields(): string[] {
    return this.storedFields().absent;
  }

  /** The editable fields as stored; the field's default where a key is absent (made once; callers must not change it). */
  fieldValues(): FieldValues {
    return this.storedFields().values;
  }

  /** The eight header values as stored (for images whose header only lives here). */
  headerValues(): HeaderValues {
    const section = this.section('image_header_metadata');
    const text = (name: string): string => {
      const node = memberOf(section, name);
      return node?.kind === 'string' ? node.value : '';
    };
    const count = (name: string): number => {
      const node = memberOf(section, name);
      const value = node?.kind === 'number' ? numberValue(node) : 0;
      return Number.isFinite(value) ? value : 0;
    };
    return {
      shape: text('shape'),
      dims: text('dims'),
      sizes: text('sizes'),
      dtype: text('dtype'),
      num_channels: count('num_channels'),
      num_scenes: count('num_scenes'),
      date: text('date'),
      time: text('time'),
    };
  }

  /** The editable fields' values and absent keys, in one look at each section. */
  private storedFields(): { values: FieldValues; absent: string[] } {
    if (this.stored === undefined) {
      const values: FieldValues = {};
      const absent: string[] = [];
      const sections = {
        top: this.root,
        experiment_metadata: this.section('experiment_metadata'),
        image_header_metadata: this.section('image_header_metadata'),
      };
      for (const spec of EDITABLE_FIELDS) {
        const node = memberOf(sections[spec.section], spec.name);
        if (node === undefined) absent.push(spec.name);
        values[spec.name] = node === undefined ? spec.default : storedValue(node, spec);
      }
      this.stored = { values, absent };
    }
    return this.stored;
  }

  private section(name: FieldSection): JsonObject {
    return sectionOf(this.root, name);
  }
}

/** A field section of a checked root (an empty object if, against the checks, it is not one); `top` is the root. */
export function sectionOf(root: JsonObject, name: FieldSection): JsonObject {
  if (name === 'top') return root;
  const node = memberOf(root, name);
  return node?.kind === 'object' ? node : { kind: 'object', entries: [], offset: -1 };
}

/** A stored node as a field value; a kind the field cannot hold (an object, a boolean for text) reads as the default. */
function storedValue(node: JsonNode, spec: FieldSpec): FieldValue {
  if (spec.type === 'bool')
    return node.kind === 'literal' && typeof node.value === 'boolean' ? node.value : spec.default;
  if (node.kind === 'string') return node.value;
  if (node.kind === 'number') return numberValue(node);
  if (node.kind === 'literal' && node.value === null) return null;
  return spec.default;
}
