import { describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../shared/api';
import { columnText, COLUMNS } from '../../../../shared/columns';
import { DEFAULT_FIELD_VALUES, type FieldValues } from '../../../../shared/fields/field-table';

/** A row of a TIFF without a header read, with these field values. */
function makeRow(path: string, values: FieldValues = {}, extra: Partial<ImageRow> = {}): ImageRow {
  return {
    path,
    format: 'tiff',
    header: null,
    fileCalibration: null,
    sidecar: 'ok',
    version: null,
    values: { ...DEFAULT_FIELD_VALUES, ...values },
    errors: [],
    profile: null,
    profileProblems: [],
    ...extra,
  };
}

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
