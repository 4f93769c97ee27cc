import { describe, expect, it } from 'vitest';
import { suggestValue } from '../../../../shared/profile';

describe('suggestValue', () => {
  const species = ['mouse', 'rat', 'zebrafish'];
  it.each([
    ['Mouse', 'mouse'], // case
    [' mouse ', 'mouse'], // spaces
    ['zebra fish', 'zebrafish'],
    ['mosue', 'mouse'], // a near miss
    ['zebrafsh', 'zebrafish'],
  ])('%j → %j', (value, suggestion) => {
    expect(suggestValue(value, species)).toBe(suggestion);
  });

  it('prefers the synonyms of the profile, matched exactly or loosely', () => {
    expect(suggestValue('M. musculus', species, { 'M. musculus': 'mouse' })).toBe('mouse');
    expect(suggestValue('m musculus', species, { 'M. musculus': 'mouse' })).toBe('mouse');
  });

  it('suggests nothing when unsure: far off, or as near to two values', () => {
    expect(suggestValue('drosophila', species)).toBeUndefined();
    expect(suggestValue('cat', ['bat', 'rat'])).toBeUndefined();
    expect(suggestValue('', species)).toBeUndefined();
  });
});
