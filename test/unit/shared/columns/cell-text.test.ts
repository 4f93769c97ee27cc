import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import { formatDimensions, formatFieldValue, formatSizes, messageForRow } from '../../../../shared/columns';

const header: HeaderValues = {
  shape: '(2, 512, 512)',
  dims: "('C', 'Y', 'X')",
  sizes: "{'C': 2, 'Y': 512, 'X': 512}",
  dtype: 'uint16',
  num_channels: 2,
  num_scenes: 1,
  date: '',
  time: '',
};

describe('cell text', () => {
  it('shows dimensions as C:2 Y:512 X:512 from the Python-repr sizes', () => {
    expect(formatSizes(header)).toBe('C:2 Y:512 X:512');
    expect(formatSizes({ ...header, sizes: "{'T': 3, 'C': 1, 'Z': 5, 'Y': 64, 'X': 32}" })).toBe(
      'T:3 C:1 Z:5 Y:64 X:32',
    );
    expect(formatSizes(null)).toBe('');
  });

  it('falls back on dims and shape when sizes is empty', () => {
    expect(formatSizes({ ...header, sizes: '', dims: "('Z', 'Y', 'X')", shape: '(5, 64, 32)' })).toBe('Z:5 Y:64 X:32');
    expect(formatSizes({ ...header, sizes: '', dims: '', shape: '(5,)' })).toBe('(5,)');
  });

  it('shows dimensions for people as Y 512 × X 512, from sizes or from dims and shape', () => {
    expect(formatDimensions(header)).toBe('C 2 × Y 512 × X 512');
    expect(formatDimensions({ ...header, sizes: '', dims: "('Z', 'Y', 'X')", shape: '(5, 64, 32)' })).toBe(
      'Z 5 × Y 64 × X 32',
    );
    expect(formatDimensions({ ...header, sizes: '', dims: '', shape: '(5,)' })).toBe('(5,)');
  });

  it('shows null numbers as empty text', () => {
    expect([formatFieldValue(null), formatFieldValue(0.5), formatFieldValue(1), formatFieldValue('mouse')]).toEqual([
      '',
      '0.5',
      '1',
      'mouse',
    ]);
  });

  it('drops the file name a row already shows from its message', () => {
    expect(messageForRow('x.tif: IFD loop at offset 8', 'hostile/x.tif')).toBe('IFD loop at offset 8');
    expect(messageForRow('x.tif.json: not valid JSON', 'hostile/x.tif')).toBe('x.tif.json: not valid JSON');
  });
});
