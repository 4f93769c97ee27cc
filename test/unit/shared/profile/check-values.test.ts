import { describe, expect, it } from 'vitest';
import { blocksSaving, checkValues, loadProfile } from '../../../../shared/profile';
import { exampleProfileText, sidecarWith } from './profile-helpers';

const vascular = loadProfile(exampleProfileText('vascular-lab'), 'p').compiled!;

describe('checkValues', () => {
  it('checks typed values over the stored sidecar: the field table first, then the profile', () => {
    const stored = sidecarWith(
      { species: 'mouse', sex: 'female', genotype: 'WT', region: 'CA1', date: '2026-03-04' },
      { physical_label_x: 'um', physical_label_y: 'um' },
    );
    expect(checkValues(stored, { depth: 'deep' as never }, vascular)).toEqual([
      { field: 'depth', rule: 'field-table', message: 'Depth: must be a number in µm (got "deep")' },
    ]);
    expect(checkValues(stored, { species: 'Rat', depth: 10 }, vascular)).toEqual([
      {
        field: 'species',
        rule: 'enum',
        message: 'Species "Rat" is not one of mouse, rat (did you mean "rat"?)',
        suggestion: 'rat',
      },
    ]);
    expect(checkValues(stored, { region: '' }, vascular).map((p) => p.message)).toEqual(['Region must be filled in']);
    expect(checkValues(stored, { species: 'Rat' }, null)).toEqual([]);
    expect((stored.experiment_metadata as Record<string, unknown>).species).toBe('mouse');
  });
});

describe('blocksSaving', () => {
  const changed = new Set(['species', 'region']);
  it.each([
    [{ field: 'species', rule: 'enum' }, true],
    [{ field: 'species', rule: 'pattern' }, true],
    [{ field: 'species', rule: 'format' }, true],
    [{ field: 'species', rule: 'maximum' }, true],
    [{ field: 'region', rule: 'required' }, false], // a partial annotation may be saved
    [{ field: 'species', rule: 'x-synonyms' }, false],
    [{ field: 'genotype', rule: 'enum' }, false], // not being changed
    [{ field: null, rule: 'enum' }, false],
  ])('%j → %s', (problem, blocks) => {
    expect(blocksSaving({ ...problem, message: '' }, changed)).toBe(blocks);
  });
});
