import { describe, expect, it } from 'vitest';
import type { ProfileFieldRules } from '../../../../shared/api';
import { distinctValues, effectiveReplacements } from '../../../../renderer/src/profile/normalize-plan';

const SPECIES: ProfileFieldRules = {
  field: 'species',
  displayName: 'Species',
  required: true,
  requiredWhen: [],
  enum: ['mouse', 'rat'],
  synonyms: { Mouse: 'mouse', 'M. musculus': 'mouse' },
};

describe('distinctValues', () => {
  it('flags synonyms, values outside the closed vocabulary (with the nearest allowed one) and keeps the allowed', () => {
    const counts = new Map([
      ['mouse', 5],
      ['Mouse', 3],
      ['M. musculus', 2],
      ['rta', 1],
      ['hamster', 1],
      ['rat', 4],
    ]);
    expect(distinctValues(counts, SPECIES)).toEqual([
      { value: 'mouse', images: 5, reason: null, suggestion: '' },
      { value: 'rat', images: 4, reason: null, suggestion: '' },
      { value: 'Mouse', images: 3, reason: 'synonym', suggestion: 'mouse' },
      { value: 'M. musculus', images: 2, reason: 'synonym', suggestion: 'mouse' },
      { value: 'hamster', images: 1, reason: 'not-allowed', suggestion: '' },
      { value: 'rta', images: 1, reason: 'not-allowed', suggestion: 'rat' },
    ]);
  });

  it('without a profile, a value that differs from a more used one only in case or spacing becomes that one', () => {
    const counts = new Map([
      ['CA1', 6],
      ['ca1', 2],
      ['CA 1', 1],
      ['V1', 3],
    ]);
    expect(distinctValues(counts, undefined).map((v) => [v.value, v.reason, v.suggestion])).toEqual([
      ['CA1', null, ''],
      ['V1', null, ''],
      ['ca1', 'near-duplicate', 'CA1'],
      ['CA 1', 'near-duplicate', 'CA1'],
    ]);
  });

  it('offers a compact date as YYYY-MM-DD in a date field, never as a case or spacing difference', () => {
    const DATE: ProfileFieldRules = {
      field: 'date',
      displayName: 'Date',
      required: false,
      requiredWhen: [],
      format: 'date',
    };
    const counts = new Map([
      ['20240502', 4],
      ['2024-05-02', 1],
      ['20240503', 1],
      ['20240230', 1],
    ]);
    expect(distinctValues(counts, DATE).map((v) => [v.value, v.reason, v.suggestion])).toEqual([
      ['20240502', 'compact-date', '2024-05-02'],
      ['2024-05-02', null, ''],
      ['20240230', null, ''],
      ['20240503', 'compact-date', '2024-05-03'],
    ]);
  });

  it('without a date format, offers a compact date only when its YYYY-MM-DD form is in use', () => {
    const counts = new Map([
      ['20240502', 2],
      ['2024-05-02', 1],
      ['20240503', 1],
    ]);
    expect(distinctValues(counts, undefined).map((v) => [v.value, v.reason, v.suggestion])).toEqual([
      ['20240502', 'compact-date', '2024-05-02'],
      ['2024-05-02', null, ''],
      ['20240503', null, ''],
    ]);
  });
});

describe('effectiveReplacements', () => {
  it('keeps the replacements that change a value into another, each value once', () => {
    expect(
      effectiveReplacements([
        { from: 'Mouse', to: 'mouse' },
        { from: 'rat', to: 'rat' },
        { from: 'rta', to: '' },
        { from: 'Mouse', to: 'rat' },
      ]),
    ).toEqual([{ from: 'Mouse', to: 'mouse' }]);
  });
});
