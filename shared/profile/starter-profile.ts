/**
 * A starter profile made from what a folder already holds (`acqmeta profile init`): each text
 * field's values in use become `examples` (or a closed `enum`), with their counts in the
 * field's `description`, so a lab starts its rules from its own data.
 */
import { EDITABLE_FIELDS, type FieldSpec, type FieldValues } from '../fields/field-table';
import { fieldPath } from './field-paths';
import { valueAt } from '../validation/json-path';
import { setAt } from './absent';

/** How the starter profile is made. */
export interface StarterOptions {
  title: string;
  /** `enum` (only these values) instead of `examples` (suggestions). */
  closed: boolean;
  /** A sentence on where the values come from, e.g. `from 120 images on 2026-11-22`. */
  origin: string;
}

/** The values of a text field in use, most used first, with their counts. */
function usedValues(spec: FieldSpec, images: readonly FieldValues[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const values of images) {
    const value = values[spec.name];
    if (typeof value === 'string' && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A field's starter rules, or null when it has nothing to start from. */
function starterField(
  spec: FieldSpec,
  images: readonly FieldValues[],
  closed: boolean,
): Record<string, unknown> | null {
  switch (spec.type) {
    case 'str': {
      if (spec.multiline === true) return null; // free text (the note) is no vocabulary
      const used = usedValues(spec, images);
      if (used.length === 0) return null;
      const counts = used.map(([value, n]) => `${value} (${n})`).join(', ');
      return {
        description: `${spec.description} In use: ${counts}.`,
        [closed ? 'enum' : 'examples']: used.map(([value]) => value),
      };
    }
    case 'float':
    case 'int':
    case 'bool':
      return null; // numbers and flags have no vocabulary; a lab adds ranges itself
  }
}

/** A JSON Schema (draft 2020-12) profile from the values of a folder's images. */
export function starterProfile(images: readonly FieldValues[], options: StarterOptions): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: options.title,
    description: `Starter profile made by acqmeta profile init ${options.origin}. Add "required" lists, patterns and formats to make it the lab's rules.`,
    type: 'object',
  };
  for (const spec of EDITABLE_FIELDS) {
    const rules = starterField(spec, images, options.closed);
    if (rules === null) continue;
    const keys = fieldPath(spec);
    // Each object on the way to the field is described as one, so its `properties` apply.
    keys.slice(0, -1).forEach((_, i) => {
      const at = keys.slice(0, i + 1).flatMap((key) => ['properties', key]);
      if (valueAt(profile, at) === undefined) setAt(profile, at, { type: 'object' });
    });
    setAt(
      profile,
      keys.flatMap((key) => ['properties', key]),
      rules,
    );
  }
  return profile;
}
