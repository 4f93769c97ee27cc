import { describe, expect, it } from 'vitest';
import { parseFieldInput, validateChanges, validateFieldValue } from '../../../../shared/validation';

const KNOWN =
  'species, sex, genotype, age, region, cell_type, depth, branch_order, direction, condition, condition2, treatment, treatment2, date, note, physical_unit_y, physical_unit_x, physical_label_y, physical_label_x, accepted';

describe('parseFieldInput', () => {
  it.each([
    ['species', '  mouse \n', 'mouse'],
    ['note', 'two\nlines', 'two\nlines'],
    ['depth', '12', 12],
    ['depth', ' 12.5 ', 12.5],
    ['depth', '-3', -3],
    ['depth', '1e-3', 0.001],
    ['depth', '.5', 0.5],
    ['depth', '', null],
    ['depth', '   ', null],
    ['branch_order', '3', 3],
    ['branch_order', '', null],
    ['physical_unit_x', '0.5', 0.5],
    ['depth', '12,5', 12.5],
    ['depth', ' -0,25 ', -0.25],
    ['depth', ',5', 0.5],
    ['physical_unit_x', '0,2', 0.2],
    ['accepted', 'false', false],
    ['accepted', ' TRUE ', true],
    ['accepted', 'no', false],
    ['accepted', 'Yes', true],
    ['accepted', '0', false],
    ['accepted', '1', true],
  ])('%s ← %j', (name, text, value) => {
    expect(parseFieldInput(name, text)).toEqual({ ok: true, value });
  });

  it.each([
    ['depth', 'abc', 'Depth: must be a number in µm (got "abc")'],
    ['depth', 'NaN', 'Depth: must be a number in µm (got "NaN")'],
    ['depth', 'Infinity', 'Depth: must be a number in µm (got "Infinity")'],
    ['depth', '1e999', 'Depth: must be a number in µm (got "1e999")'],
    ['depth', '1,500', 'Depth: use a dot for decimals and no thousands separator (got "1,500")'],
    ['depth', '1.000,5', 'Depth: use a dot for decimals and no thousands separator (got "1.000,5")'],
    ['depth', '1,2,3', 'Depth: use a dot for decimals and no thousands separator (got "1,2,3")'],
    ['branch_order', '2,5', 'Branch order: must be a whole number (got 2,5)'],
    ['branch_order', '2.5', 'Branch order: must be a whole number (got 2.5)'],
    ['branch_order', 'two', 'Branch order: must be a whole number (got "two")'],
    ['physical_unit_x', '0', 'Pixel size X: must be greater than 0'],
    ['physical_unit_x', '-1', 'Pixel size X: must be greater than 0'],
    ['physical_unit_x', '1e308', 'Pixel size X: must be at most 1,000,000 (got 1e+308)'],
    ['physical_unit_x', '', 'Pixel size X: must be a number (got "")'],
    ['accepted', '', 'Accepted: must be true or false (got "")'],
    ['accepted', 'maybe', 'Accepted: must be true or false (got "maybe")'],
    ['foo', 'x', `Unknown field "foo" (known: ${KNOWN})`],
  ])('%s ← %j is refused', (name, text, message) => {
    expect(parseFieldInput(name, text)).toEqual({ ok: false, message });
  });
});

describe('validateFieldValue', () => {
  it.each([
    ['species', 'mouse'],
    ['depth', null],
    ['depth', 75],
    ['branch_order', 3],
    ['physical_unit_y', 0.001],
    ['physical_unit_y', 1e6],
    ['physical_label_x', 'seconds'],
  ])('accepts %s = %j', (name, value) => {
    expect(validateFieldValue(name, value)).toBeNull();
  });

  it.each([
    ['species', null, 'Species: must be text (got null)'],
    ['species', 5, 'Species: must be text (got 5)'],
    ['depth', 'abc', 'Depth: must be a number in µm (got "abc")'],
    ['depth', Number.NaN, 'Depth: must be a number in µm (got NaN)'],
    ['depth', Infinity, 'Depth: must be a number in µm (got Infinity)'],
    ['branch_order', 2.5, 'Branch order: must be a whole number (got 2.5)'],
    ['physical_unit_x', 0, 'Pixel size X: must be greater than 0'],
    ['physical_unit_y', 1e308, 'Pixel size Y: must be at most 1,000,000 (got 1e+308)'],
    ['physical_unit_x', null, 'Pixel size X: must be a number (got null)'],
    ['physical_label_y', ['um'], 'Pixel size unit Y: must be text (got a list)'],
  ])('refuses %s = %j', (name, value, message) => {
    expect(validateFieldValue(name, value)).toBe(message);
  });
});

describe('validateChanges', () => {
  it('lists every problem, unknown names included', () => {
    expect(validateChanges({ species: 'rat', foo: 1, branch_order: '2', depth: null })).toEqual([
      `Unknown field "foo" (known: ${KNOWN})`,
      'Branch order: must be a whole number (got "2")',
    ]);
  });

  it('is empty for valid changes', () => {
    expect(validateChanges({ species: 'rat', depth: 10.5, physical_unit_x: 2 })).toEqual([]);
  });
});
