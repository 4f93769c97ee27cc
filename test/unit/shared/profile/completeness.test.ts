import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import { completeness, loadProfile, starterProfile } from '../../../../shared/profile';
import { valueAt } from '../../../../shared/validation/json-path';
import { exampleProfileText } from './profile-helpers';

/** A rule of a starter profile, by the keys leading to it. */
const at = (profile: object, ...keys: string[]) =>
  valueAt(
    profile,
    keys.flatMap((k) => ['properties', k]),
  );

const values = (v: Record<string, unknown>) =>
  ({ ...Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default])), ...v }) as never;

describe('completeness', () => {
  it('counts filled, valid, invalid and empty per field, values per use, and ready images', () => {
    const rules = loadProfile(exampleProfileText('vascular-lab'), 'p').compiled!.fields;
    const report = completeness(
      [
        {
          path: 'a.tif',
          hasSidecar: true,
          values: values({ species: 'mouse', depth: 10 }),
          errors: [],
          profileProblems: [],
        },
        {
          path: 'b.tif',
          hasSidecar: true,
          values: values({ species: 'Mouse', depth: 'x' }),
          errors: ['Depth: must be a number in µm (got "x")'],
          profileProblems: [{ field: 'species', rule: 'enum', message: '' }],
        },
        {
          path: 'c.tif',
          hasSidecar: true,
          values: values({ species: 'mouse' }),
          errors: [],
          profileProblems: [{ field: 'region', rule: 'required', message: '' }],
        },
        { path: 'd.tif', hasSidecar: true, values: values({}), errors: [], profileProblems: [] },
      ],
      rules,
    );
    expect(report.images).toBe(4);
    expect(report.ready).toEqual(['a.tif', 'd.tif']);
    const field = (name: string) => report.fields.find((f) => f.field === name);
    expect(field('species')).toEqual({
      field: 'species',
      displayName: 'Species',
      required: true,
      filled: 3,
      valid: 2,
      invalid: 1,
      empty: 1,
      values: [
        { value: 'mouse', images: 2 },
        { value: 'Mouse', images: 1 },
      ],
    });
    expect(field('depth')).toMatchObject({ required: false, filled: 2, valid: 1, invalid: 1, empty: 2 });
    expect(field('region')).toMatchObject({ required: true, filled: 0, invalid: 0, empty: 4 });
  });

  it('counts an image without a sidecar as empty in every field, and not ready', () => {
    const report = completeness([
      { path: 'a.tif', hasSidecar: false, values: values({}), errors: [], profileProblems: [] },
      { path: 'b.tif', hasSidecar: true, values: values({ species: 'mouse' }), errors: [], profileProblems: [] },
    ]);
    expect(report.ready).toEqual(['b.tif']);
    const field = (name: string) => report.fields.find((f) => f.field === name);
    expect(field('accepted')).toMatchObject({ filled: 1, empty: 1 });
    expect(field('physical_unit_x')).toMatchObject({ filled: 1, empty: 1 });
    expect(field('species')).toMatchObject({ filled: 1, empty: 1 });
  });
});

describe('starterProfile', () => {
  const images = [
    values({ species: 'mouse', region: 'CA1' }),
    values({ species: 'mouse', note: 'long text' }),
    values({ species: 'rat', depth: 5 }),
  ];

  it('turns the text values in use into examples with their counts, and is a usable profile', () => {
    const profile = starterProfile(images, { title: 'Lab', closed: false, origin: 'from 3 images' });
    expect(at(profile, 'experiment_metadata', 'species')).toEqual({
      description: 'Animal species (e.g., mouse, rat). In use: mouse (2), rat (1).',
      examples: ['mouse', 'rat'],
    });
    expect(at(profile, 'experiment_metadata', 'region')).toMatchObject({ examples: ['CA1'] });
    expect(at(profile, 'experiment_metadata', 'note')).toBeUndefined();
    expect(at(profile, 'experiment_metadata', 'depth')).toBeUndefined();
    expect(at(profile, 'image_header_metadata', 'physical_label_x')).toMatchObject({ examples: ['Pixels'] });
    const loaded = loadProfile(JSON.stringify(profile), 'starter');
    expect(loaded.problems).toEqual([]);
  });

  it('makes a closed vocabulary with --closed', () => {
    const profile = starterProfile(images, { title: 'Lab', closed: true, origin: 'x' });
    expect(at(profile, 'experiment_metadata', 'species')).toMatchObject({ enum: ['mouse', 'rat'] });
  });
});
