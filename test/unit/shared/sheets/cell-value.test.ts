import { describe, expect, it } from 'vitest';
import { editableField, type FieldSpec } from '../../../../shared/fields/field-table';
import { readCell } from '../../../../shared/sheets/cell-value';
import { cellText, dateText, valueCell, valueText } from '../../../../shared/sheets/sheet-cell';

const field = (name: string): FieldSpec => editableField(name) as FieldSpec;
const depth = field('depth');
const branch = field('branch_order');
const date = field('date');
const genotype = field('genotype');
const unitX = field('physical_unit_x');
const accepted = field('accepted');

describe('valueText / valueCell', () => {
  it('writes stored values as the sidecar does: floats in Python repr, no value as empty', () => {
    expect(valueText(75, depth)).toBe('75.0');
    expect(valueText(0.30000000000000004, depth)).toBe('0.30000000000000004');
    expect(valueText(1e-5, depth)).toBe('1e-05');
    expect(valueText(null, depth)).toBe('');
    expect(valueText(3, branch)).toBe('3');
    expect(valueText('µ rat', genotype)).toBe('µ rat');
  });

  it('keeps numbers as number cells and text as text cells in a workbook', () => {
    expect(valueCell(75, depth)).toBe(75);
    expect(valueCell(null, branch)).toBeNull();
    expect(valueCell('1.0', genotype)).toBe('1.0');
  });
});

describe('readCell', () => {
  it('reads the accepted flag from a boolean cell or its words, and writes it back the same', () => {
    expect(readCell(false, accepted, true)).toEqual({ ok: true, value: false });
    expect(readCell(' No ', accepted, true)).toEqual({ ok: true, value: false });
    expect(readCell('TRUE', accepted, false)).toEqual({ ok: true, value: true });
    expect(readCell('maybe', accepted, true)).toEqual({
      ok: false,
      message: 'Accepted: must be true or false (got "maybe")',
    });
    expect(valueText(false, accepted)).toBe('false');
    expect(valueCell(false, accepted)).toBe(false);
    expect(readCell(valueText(true, accepted), accepted, true)).toEqual({ ok: true, value: true });
  });

  it('turns a real date cell into YYYY-MM-DD text for a text field', () => {
    expect(readCell(new Date(Date.UTC(2026, 2, 14)), date, '')).toEqual({ ok: true, value: '2026-03-14' });
    expect(dateText(new Date(Date.UTC(2026, 2, 14, 9, 30)))).toBe('2026-03-14 09:30');
    expect(readCell(new Date(Date.UTC(2026, 2, 14)), depth, null)).toEqual({
      ok: false,
      message: 'Depth: must be a number in µm (got the date 2026-03-14)',
    });
  });

  it('reads numbers stored as text, with stray spaces or a decimal comma', () => {
    expect(readCell(' 12.5 ', depth, null)).toEqual({ ok: true, value: 12.5 });
    expect(readCell('12,5', depth, null)).toEqual({ ok: true, value: 12.5 });
    expect(readCell('0,300', depth, null)).toEqual({ ok: true, value: 0.3 });
    expect(readCell(12.5, depth, null)).toEqual({ ok: true, value: 12.5 });
    expect(readCell('\u00a07\u00a0', branch, null)).toEqual({ ok: true, value: 7 });
  });

  it('refuses a comma that could be a thousands separator', () => {
    expect(readCell('1,500', depth, null)).toEqual({
      ok: false,
      message: 'Depth: "1,500" could be 1.500 or 1500; write it without the comma',
    });
  });

  it('takes 1.0 for a whole number and refuses 2.5, text, booleans and error cells', () => {
    expect(readCell('1.0', branch, null)).toEqual({ ok: true, value: 1 });
    expect(readCell(2, branch, null)).toEqual({ ok: true, value: 2 });
    expect(readCell('2.5', branch, null)).toEqual({
      ok: false,
      message: 'Branch order: must be a whole number (got 2.5)',
    });
    expect(readCell('deep', depth, null)).toEqual({ ok: false, message: 'Depth: must be a number in µm (got "deep")' });
    expect(readCell(true, depth, null)).toEqual({ ok: false, message: 'Depth: must be a number in µm (got TRUE)' });
    expect(readCell({ error: '#N/A' }, depth, 3)).toEqual({ ok: false, message: 'Depth: the cell holds #N/A' });
  });

  it('clears a nullable number with an empty cell and refuses to clear a calibration', () => {
    expect(readCell('', depth, 75)).toEqual({ ok: true, value: null });
    expect(readCell(null, depth, 75)).toEqual({ ok: true, value: null });
    expect(readCell('', unitX, 0.5)).toMatchObject({ ok: false });
    expect(readCell('0', unitX, 0.5)).toEqual({ ok: false, message: 'Pixel size X: must be greater than 0' });
  });

  it('trims text, and keeps text that still shows the stored value exactly', () => {
    expect(readCell('  Thy1  ', genotype, '')).toEqual({ ok: true, value: 'Thy1' });
    expect(readCell(' odd ', genotype, ' odd ')).toEqual({ ok: true, value: ' odd ' });
    expect(readCell(true, genotype, '')).toEqual({ ok: true, value: 'TRUE' });
  });

  it('changes nothing where a spreadsheet only changed the form of the stored value', () => {
    expect(readCell(0.3, depth, 0.30000000000000004)).toEqual({ ok: true, value: 0.30000000000000004 });
    expect(readCell(0.31, depth, 0.30000000000000004)).toEqual({ ok: true, value: 0.31 });
    expect(readCell(1, genotype, '1.0')).toEqual({ ok: true, value: '1.0' });
    expect(readCell('7', genotype, '007')).toEqual({ ok: true, value: '007' });
    expect(readCell('8', genotype, '007')).toEqual({ ok: true, value: '8' });
  });

  it('shows any cell as a person sees it', () => {
    expect([cellText(false), cellText(0.5), cellText(null), cellText({ error: '#REF!' })]).toEqual([
      'FALSE',
      '0.5',
      '',
      '#REF!',
    ]);
  });
});
