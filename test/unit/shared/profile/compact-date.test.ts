import { describe, expect, it } from 'vitest';
import { compactDateAsIso, dateFieldsOf, inDateFormat } from '../../../../shared/profile';

describe('compactDateAsIso', () => {
  it('reads eight digits that make a calendar day as YYYY-MM-DD', () => {
    expect(compactDateAsIso('20240502')).toBe('2024-05-02');
    expect(compactDateAsIso('20240229')).toBe('2024-02-29');
    expect(compactDateAsIso(' 19991231 ')).toBe('1999-12-31');
  });

  it('refuses what is not a day or not eight digits', () => {
    for (const text of [
      '20230229',
      '20241301',
      '20240500',
      '20240431',
      '2024052',
      '202405021',
      '2024-05-02',
      'x20240502',
      '',
    ])
      expect(compactDateAsIso(text), text).toBeNull();
  });
});

describe('inDateFormat', () => {
  const dates = dateFieldsOf([
    { field: 'date', displayName: 'Date', required: false, requiredWhen: [], format: 'date' },
    { field: 'note', displayName: 'Note', required: false, requiredWhen: [], format: 'email' },
  ]);

  it('writes a compact date in a date field as YYYY-MM-DD and leaves everything else', () => {
    expect([...dates]).toEqual(['date']);
    expect(inDateFormat('20240502', 'date', dates)).toBe('2024-05-02');
    expect(inDateFormat('20240502', 'note', dates)).toBe('20240502');
    expect(inDateFormat('20240230', 'date', dates)).toBe('20240230');
  });
});
