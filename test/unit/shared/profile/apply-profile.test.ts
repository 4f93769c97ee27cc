import { describe, expect, it } from 'vitest';
import { applyProfile, defaultSidecar, loadProfile, withoutAbsent } from '../../../../shared/profile';
import { compiled, exampleProfileText, experimentProfile, sidecarWith } from './profile-helpers';

const messages = (profile: ReturnType<typeof compiled>, sidecar: Record<string, unknown>) =>
  applyProfile(profile, sidecar).map((p) => p.message);

describe('the absent rule', () => {
  it('treats "" and null as absent, so required means filled in', () => {
    const profile = experimentProfile({}, { required: ['species', 'depth'] });
    expect(messages(profile, sidecarWith({ species: '', depth: null }))).toEqual([
      'Species must be filled in',
      'Depth must be filled in',
    ]);
    expect(messages(profile, sidecarWith({ species: 'mouse', depth: 0 }))).toEqual([]);
  });

  it('leaves an empty field alone when it is not required, whatever else it must be', () => {
    const profile = experimentProfile({
      species: { enum: ['mouse'] },
      date: { format: 'date' },
      depth: { minimum: 5 },
    });
    expect(messages(profile, sidecarWith({ species: '', date: '', depth: null }))).toEqual([]);
  });

  it('copies without changing the sidecar', () => {
    const sidecar = sidecarWith({ species: '' });
    const copy = withoutAbsent(sidecar);
    expect(copy.experiment_metadata as object).not.toHaveProperty('species');
    expect((sidecar.experiment_metadata as Record<string, unknown>).species).toBe('');
  });
});

describe('keywords', () => {
  it('enum: a closed vocabulary, with a suggestion', () => {
    const profile = experimentProfile({ species: { enum: ['mouse', 'rat'] } });
    expect(applyProfile(profile, sidecarWith({ species: 'Mouse' }))).toEqual([
      {
        field: 'species',
        rule: 'enum',
        message: 'Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)',
        suggestion: 'mouse',
      },
    ]);
    expect(messages(profile, sidecarWith({ species: 'zebrafish' }))).toEqual([
      'Species "zebrafish" is not one of mouse, rat',
    ]);
  });

  it('examples: an open vocabulary never makes a problem', () => {
    expect(messages(experimentProfile({ region: { examples: ['CA1', 'S1'] } }), sidecarWith({ region: 'M2' }))).toEqual(
      [],
    );
  });

  it('pattern', () => {
    const profile = experimentProfile({ age: { pattern: '^P[0-9]+$' } });
    expect(messages(profile, sidecarWith({ age: '30 days' }))).toEqual([
      'Age "30 days" does not match the pattern ^P[0-9]+$',
    ]);
    expect(messages(profile, sidecarWith({ age: 'P30' }))).toEqual([]);
  });

  it.each([
    ['date', '2026-03-04', '3/4/2026', 'Note "3/4/2026" is not a date (YYYY-MM-DD)'],
    [
      'date-time',
      '2026-03-04T10:15:00Z',
      '2026-03-04 10:15',
      'Note "2026-03-04 10:15" is not a date and time (YYYY-MM-DDThh:mm:ssZ)',
    ],
    ['email', 'ana@lab.example.org', 'ana at lab', 'Note "ana at lab" is not an email address (name@example.org)'],
    ['uri', 'https://doi.org/10.1000/1', 'doi 10.1000/1', 'Note "doi 10.1000/1" is not a URL (https://example.org/…)'],
  ])('format %s', (format, good, bad, message) => {
    const profile = experimentProfile({ note: { format } });
    expect(messages(profile, sidecarWith({ note: good }))).toEqual([]);
    expect(messages(profile, sidecarWith({ note: bad }))).toEqual([message]);
  });

  it('minimum, maximum, exclusiveMinimum', () => {
    const profile = experimentProfile({ depth: { minimum: 0, maximum: 1500 }, branch_order: { exclusiveMinimum: 0 } });
    expect(messages(profile, sidecarWith({ depth: -5, branch_order: 0 }))).toEqual([
      'Depth -5 is less than 0',
      'Branch order 0 must be more than 0',
    ]);
    expect(messages(profile, sidecarWith({ depth: 1600.5, branch_order: 1 }))).toEqual([
      'Depth 1600.5 is more than 1500',
    ]);
    expect(messages(profile, sidecarWith({ depth: 1500, branch_order: 3 }))).toEqual([]);
  });

  it('if/then: required if another field is filled in', () => {
    const profile = experimentProfile({}, { if: { required: ['treatment'] }, then: { required: ['treatment2'] } });
    expect(applyProfile(profile, sidecarWith({ treatment: 'KCl', treatment2: '' }))).toEqual([
      { field: 'treatment2', rule: 'required', message: 'Treatment 2 must be filled in when Treatment is filled in' },
    ]);
    expect(messages(profile, sidecarWith({ treatment: '', treatment2: '' }))).toEqual([]);
    expect(messages(profile, sidecarWith({ treatment: 'KCl', treatment2: 'saline' }))).toEqual([]);
  });

  it('not/const on calibration, with and without errorMessage', () => {
    const section = (label: object) =>
      compiled({ properties: { image_header_metadata: { properties: { physical_label_x: label } } } });
    const uncalibrated = defaultSidecar();
    expect(messages(section({ not: { const: 'Pixels' } }), uncalibrated)).toEqual([
      'Pixel size unit X "Pixels" must not be "Pixels"',
    ]);
    expect(
      messages(section({ not: { const: 'Pixels' }, errorMessage: 'calibrate: set µm per pixel' }), uncalibrated),
    ).toEqual(['Pixel size unit X "Pixels": calibrate: set µm per pixel']);
    expect(messages(section({ const: 'um' }), uncalibrated)).toEqual(['Pixel size unit X "Pixels" must be "um"']);
    expect(messages(section({ not: { const: 'Pixels' } }), sidecarWith({}, { physical_label_x: 'um' }))).toEqual([]);
  });

  it('errorMessage replaces the generic wording, for a value and for required', () => {
    const profile = experimentProfile(
      { genotype: { pattern: '^(WT|Cx3cr1-GFP)$', errorMessage: "use one of the lab's genotype labels" } },
      { required: ['genotype'], errorMessage: { required: { genotype: 'every image needs its genotype' } } },
    );
    expect(applyProfile(profile, sidecarWith({ genotype: 'GFP' }))).toEqual([
      { field: 'genotype', rule: 'pattern', message: `Genotype "GFP": use one of the lab's genotype labels` },
    ]);
    expect(messages(profile, sidecarWith({ genotype: '' }))).toEqual(['Genotype: every image needs its genotype']);
  });

  it('constrains the top-level accepted flag like any field', () => {
    const profile = compiled({
      properties: { accepted: { const: true, errorMessage: 'only accepted images are deposited' } },
    });
    expect(applyProfile(profile, { ...defaultSidecar(), accepted: false })).toEqual([
      { field: 'accepted', rule: 'const', message: 'Accepted false: only accepted images are deposited' },
    ]);
    expect(messages(profile, defaultSidecar())).toEqual([]);
    expect(profile.fields.find((r) => r.field === 'accepted')).toMatchObject({
      enum: [true],
      errorMessage: 'only accepted images are deposited',
    });
  });

  it('a top-level rule (required keys, other keys) names where it is', () => {
    const profile = compiled({ required: ['reference_image_metadata'], properties: { rois: { maxItems: 0 } } });
    const sidecar = { ...defaultSidecar(), rois: [{}] };
    expect(messages(profile, sidecar)).toEqual([
      'reference image metadata must be filled in',
      'rois a list has more than 0 items',
    ]);
  });
});

describe('synonyms, suggestions and each problem once', () => {
  const profile = loadProfile(exampleProfileText('vascular-lab'), 'p').compiled!;

  it('suggests the value a synonym means, also for an open vocabulary', () => {
    expect(applyProfile(profile, sidecarWith({ species: 'M. musculus' })).find((p) => p.field === 'species')).toEqual({
      field: 'species',
      rule: 'enum',
      message: 'Species "M. musculus" is not one of mouse, rat (did you mean "mouse"?)',
      suggestion: 'mouse',
    });
    const open = experimentProfile({ region: { examples: ['CA1'], 'x-synonyms': { ca1: 'CA1' } } });
    expect(applyProfile(open, sidecarWith({ region: 'ca1' }))).toEqual([
      {
        field: 'region',
        rule: 'x-synonyms',
        message: 'Region "ca1" is a variant of "CA1" (did you mean "CA1"?)',
        suggestion: 'CA1',
      },
    ]);
  });

  it('leaves a value the field table refuses to the field table, and reports each problem once', () => {
    const numeric = experimentProfile({ depth: { minimum: 0, type: 'number' } }, { required: ['depth'] });
    expect(messages(numeric, sidecarWith({ depth: 'deep' }))).toEqual([]);
    const twice = experimentProfile({ species: { allOf: [{ enum: ['mouse'] }, { enum: ['mouse'] }] } });
    expect(messages(twice, sidecarWith({ species: 'rat' }))).toEqual(['Species "rat" is not one of mouse']);
  });

  it('says an anyOf once, not each branch', () => {
    const profile = experimentProfile({ age: { anyOf: [{ pattern: '^P[0-9]+$' }, { pattern: '^[0-9]+ weeks$' }] } });
    expect(messages(profile, sidecarWith({ age: 'old' }))).toEqual([
      'Age "old" matches none of the forms the profile allows',
    ]);
  });

  it('finds every way the vascular profile can be broken in one sidecar', () => {
    const sidecar = sidecarWith({
      species: 'Mouse',
      sex: 'M',
      genotype: 'wt',
      age: 'P30',
      region: '',
      date: '3/4/2026',
      depth: 2000,
      treatment: 'KCl',
    });
    expect(messages(profile, sidecar)).toEqual([
      'Treatment 2 must be filled in when Treatment is filled in',
      'Region must be filled in',
      'Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)',
      'Sex "M" is not one of female, male, unknown (did you mean "male"?)',
      `Genotype "wt": use one of the lab's genotype labels: WT, Thy1-GCaMP6s, Cx3cr1-GFP (did you mean "WT"?)`,
      'Date "3/4/2026" is not a date (YYYY-MM-DD)',
      'Depth 2000 is more than 1500',
      'Pixel size unit X "Pixels": calibrate: set µm per pixel',
      'Pixel size unit Y "Pixels": calibrate: set µm per pixel',
    ]);
  });
});
