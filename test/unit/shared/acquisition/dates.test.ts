/** Acquisition dates: ISO 8601 as written, real calendar days and times only. */
import { describe, expect, it } from 'vitest';
import { isoDateTime, tiffDateTime } from '../../../../shared/acquisition/dates';

describe('acquisition dates', () => {
  it('keeps a date and time as written, with its fraction and offset', () => {
    expect(isoDateTime('2019-06-27T18:33:40.619')).toBe('2019-06-27T18:33:40.619');
    expect(isoDateTime(' 2026-03-05 10:11:12+01:00 ')).toBe('2026-03-05T10:11:12+01:00');
    expect(isoDateTime('2014-06-18T13:55:23Z')).toBe('2014-06-18T13:55:23Z');
  });

  it('takes leap days of leap years only, and a leap second', () => {
    expect(isoDateTime('2024-02-29T00:00:00')).toBe('2024-02-29T00:00:00');
    expect(isoDateTime('2000-02-29T00:00:00')).toBe('2000-02-29T00:00:00');
    expect(isoDateTime('2023-02-29T00:00:00')).toBeUndefined();
    expect(isoDateTime('1900-02-29T00:00:00')).toBeUndefined();
    expect(isoDateTime('2016-12-31T23:59:60')).toBe('2016-12-31T23:59:60');
  });

  it('gives nothing for a day or time that does not exist', () => {
    for (const text of ['2023-13-01T00:00:00', '2023-00-10T00:00:00', '2023-04-31T00:00:00', '2023-04-00T00:00:00'])
      expect(isoDateTime(text)).toBeUndefined();
    expect(isoDateTime('2023-04-30T24:00:00')).toBeUndefined();
    expect(isoDateTime('2023-04-30T12:60:00')).toBeUndefined();
    expect(tiffDateTime('2021:03:14 09:26:53')).toBe('2021-03-14T09:26:53');
    expect(tiffDateTime('0000:00:00 00:00:00')).toBeUndefined();
  });
});
