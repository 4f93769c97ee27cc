import { describe, expect, it } from 'vitest';
import type { ImageDetail } from '../../../../shared/api';
import {
  fileFacts,
  formatAcquired,
  formatBytes,
  formatCount,
  pixelCount,
  roundedNumberText,
  valueChipText,
} from '../../../../renderer/src/lib/format';
import { makeRow } from '../store/fake-client';

const header = makeRow('x.tif').header!;

describe('format', () => {
  it('rounds a long number to 6 significant digits for display, and leaves a short one', () => {
    expect(roundedNumberText('1.0833333333333333')).toBe('1.08333');
    expect(roundedNumberText('0.29999999988358467')).toBe('0.3');
    for (const text of ['0.3107', '1', '1e-05', '', 'abc', '12,5']) expect(roundedNumberText(text), text).toBeNull();
  });

  it('counts pixels for sorting', () => {
    expect(pixelCount(header)).toBe(2 * 512 * 512);
    expect(pixelCount({ ...header, sizes: '' })).toBeNull();
  });

  it('says how the file is stored', () => {
    const detail = {
      pageCount: 3,
      compression: 'ADOBE_DEFLATE',
      tiled: false,
      byteOrder: 'little',
      bigTiff: false,
    } as ImageDetail;
    expect(fileFacts(detail)).toEqual(['3 pages', 'ADOBE_DEFLATE', 'strips', 'little-endian']);
    expect(
      fileFacts({ ...detail, pageCount: 1, compression: 'NONE', tiled: true, byteOrder: 'big', bigTiff: true }),
    ).toEqual(['1 page', 'uncompressed', 'tiles', 'big-endian', 'BigTIFF']);
  });
});

describe('formatCount', () => {
  it('groups thousands with commas, as en-US does', () => {
    const english = new Intl.NumberFormat('en-US');
    for (const n of [
      0, 7, 12, 999, 1_000, 9_999, 12_480, 100_000, 999_999, 1_000_000, 1_234_567, 4_320_000_001, -1, -1_234,
    ]) {
      expect(formatCount(n)).toBe(english.format(n));
    }
    expect(formatCount(100_000)).toBe('100,000');
  });
});

describe('formatAcquired', () => {
  it('shows the header date and time year first, as the panel shows every date', () => {
    expect(formatAcquired('20231105', '14:22:07')).toBe('2023-11-05 14:22:07');
    expect(formatAcquired('20150118', '')).toBe('2015-01-18');
    expect(formatAcquired('', '')).toBe('');
  });

  it('shows a date that is not YYYYMMDD as stored', () => {
    expect(formatAcquired('2023-11-05', '14:22:07')).toBe('2023-11-05 14:22:07');
    expect(formatAcquired('20231305', '')).toBe('20231305');
  });
});

describe('valueChipText', () => {
  it('shows a decimal field’s number as recorded, never a raw float, and other text as it is', () => {
    expect(valueChipText('0.10481442857142857', 'float')).toBe('0.1048');
    expect(valueChipText('0.9969975547008216', 'float')).toBe('0.997');
    expect(valueChipText('0.144992', 'float')).toBe('0.144992');
    expect(valueChipText('', 'float')).toBe('(empty)');
    expect(valueChipText('0012', 'str')).toBe('0012');
    expect(valueChipText('1234567', 'int')).toBe('1234567');
  });
});

describe('formatBytes', () => {
  it('says a file size in bytes, KiB, MiB or GiB', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(4.3 * 1024 ** 2)).toBe('4.3 MiB');
    expect(formatBytes(12.34 * 1024 ** 3)).toBe('12.3 GiB');
  });
});
