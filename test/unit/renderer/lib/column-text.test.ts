import { describe, expect, it } from 'vitest';
import { columnText } from '../../../../renderer/src/lib/column-text';
import { COLUMNS } from '../../../../renderer/src/lib/columns';
import { makeRow } from '../store/fake-client';

const column = (key: string) => COLUMNS.find((c) => c.key === key)!;

describe('columnText', () => {
  it('gives no field text for an invalid sidecar, whose values are unknown (never the defaults)', () => {
    const invalid = makeRow('a.tif', {}, { sidecar: 'invalid', errors: ['a.tif.json: not valid JSON'] });
    for (const key of ['accepted', 'species', 'physical_label_x']) expect(columnText(invalid, column(key))).toBe('');
    expect(columnText(invalid, column('sidecar'))).toBe('Invalid');
    const saved = makeRow('b.tif', { species: 'rat' });
    expect(columnText(saved, column('accepted'))).toBe('accepted');
    expect(columnText(saved, column('species'))).toBe('rat');
  });

  it('gives no Accepted flag to an image without a sidecar: there is none yet', () => {
    const none = makeRow('c.tif', {}, { sidecar: 'missing' });
    expect(columnText(none, column('accepted'))).toBe('');
  });
});
