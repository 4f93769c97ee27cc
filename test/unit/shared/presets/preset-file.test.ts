import { describe, expect, it } from 'vitest';
import { formatPresetFile, parsePresetFile, presetFileName } from '../../../../shared/presets/preset-file';

describe('preset files', () => {
  it('round-trips a preset, fields in the field table order', () => {
    const text = formatPresetFile({
      name: 'Thy1 cohort 3, P30',
      fields: { accepted: false, age: 'P30', species: 'mouse', depth: null },
    });
    expect(JSON.parse(text)).toEqual({
      acqmeta_preset: 1,
      name: 'Thy1 cohort 3, P30',
      fields: { species: 'mouse', age: 'P30', depth: null, accepted: false },
    });
    expect(Object.keys(JSON.parse(text).fields)).toEqual(['species', 'age', 'depth', 'accepted']);
    expect(parsePresetFile(text)).toEqual({
      ok: true,
      preset: { name: 'Thy1 cohort 3, P30', fields: { species: 'mouse', age: 'P30', depth: null, accepted: false } },
    });
  });

  it.each([
    ['not json', 'This is not a JSON file.'],
    ['[1, 2]', 'This is not an AcqMeta preset (it has no "acqmeta_preset" key).'],
    ['{"name": "x", "fields": {}}', 'This is not an AcqMeta preset (it has no "acqmeta_preset" key).'],
    [
      '{"acqmeta_preset": 2, "name": "x", "fields": {"sex": "F"}}',
      'This preset is in format 2; this AcqMeta reads format 1.',
    ],
    ['{"acqmeta_preset": 1, "fields": {"sex": "F"}}', 'The preset has no "name" text.'],
    ['{"acqmeta_preset": 1, "name": "x", "fields": ["sex"]}', 'The preset has no "fields" object.'],
    ['{"acqmeta_preset": 1, "name": " ", "fields": {"sex": "F"}}', 'Give the preset a name.'],
    ['{"acqmeta_preset": 1, "name": "x", "fields": {"shape": "(1,)"}}', 'No editable field is named "shape".'],
    ['{"acqmeta_preset": 1, "name": "x", "fields": {"branch_order": 1.5}}', expect.stringMatching(/^Branch order/)],
    ['{"acqmeta_preset": 1, "name": "x", "fields": {"accepted": "yes"}}', expect.stringMatching(/^Accepted/)],
  ])('says what is wrong with %s', (text, message) => {
    expect(parsePresetFile(text)).toEqual({ ok: false, message });
  });

  it('names files after presets', () => {
    expect(presetFileName('Thy1 cohort 3, P30')).toBe('thy1-cohort-3-p30.json');
    expect(presetFileName('Souris mâle – été')).toBe('souris-male-ete.json');
    expect(presetFileName('日本語')).toBe('preset.json');
  });

  it('never names a file as Windows names a device', () => {
    expect(presetFileName('Con')).toBe('con-preset.json');
    expect(presetFileName('LPT1')).toBe('lpt1-preset.json');
    expect(presetFileName('Console')).toBe('console.json');
  });
});
