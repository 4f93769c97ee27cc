import { describe, expect, it } from 'vitest';
import { decodeResultNumber, parseResultKey, readAnalyses, resultKey, resultValues } from '../../../../shared/analysis';
import { linescanText, sidecarOf } from './linescan-fixtures';

describe('result keys', () => {
  it('round-trip, with separators in names encoded and repeats numbered', () => {
    const parts = [
      { analysis: 'radon_velocity', roiId: 1, channel: 0, key: 'velocity_mean', occurrence: 1 },
      { analysis: 'a/b c', roiId: null, channel: null, key: 'x/y', occurrence: 1 },
      { analysis: 'diameter', roiId: 2, channel: 1, key: 'diameter_um_mean', occurrence: 3 },
    ];
    expect(parts.map(resultKey)).toEqual([
      'radon_velocity/1/0/velocity_mean',
      'a%2Fb%20c///x%2Fy',
      'diameter/2/1/diameter_um_mean/3',
    ]);
    expect(parts.map(resultKey).map(parseResultKey)).toEqual(parts);
  });

  it('encode each part exactly as encodeURIComponent does', () => {
    const texts = [
      ...Array.from({ length: 128 }, (_, code) => `a${String.fromCharCode(code)}b`),
      'µm',
      'naïve/ß',
      '',
      "ok-_.!~*'()",
    ];
    for (const text of texts) {
      expect(resultKey({ analysis: text, roiId: 3, channel: null, key: text, occurrence: 1 })).toBe(
        `${encodeURIComponent(text)}/3//${encodeURIComponent(text)}`,
      );
    }
  });

  it('parse to null when the text is not a key', () => {
    for (const text of ['', 'a/b', 'a/x/0/k', 'a/1/0/', 'a/1/0/k/0', 'a/1/0/k/1.5', '%E0/1/0/k'])
      expect(parseResultKey(text)).toBeNull();
  });
});

describe('resultValues', () => {
  it('keeps every numeric summary value of a row, NaN and Infinity spelled out', () => {
    const values = resultValues(readAnalyses(sidecarOf(linescanText('ls_02.tif.json'))));
    expect(Object.keys(values ?? {})).toHaveLength(4 * 4 + 4 * 6);
    expect(values?.['radon_velocity/1/0/velocity_mean']).toBe(1.9539721208337641);
    expect(values?.['radon_velocity/1/0/num_windows']).toBe(54);
    expect(values?.['radon_velocity/2/0/velocity_cv']).toBe('Infinity');
    expect(decodeResultNumber('Infinity')).toBe(Infinity);
    const nan = resultValues(readAnalyses(sidecarOf(linescanText('ls_01.tif.json'))));
    expect(nan?.['radon_velocity/3/0/velocity_mean']).toBe('NaN');
    expect(decodeResultNumber('NaN')).toBeNaN();
    expect(JSON.parse(JSON.stringify(nan))).toEqual(nan);
  });

  it('is null without analyses, and numbers repeated records apart', () => {
    expect(resultValues([])).toBeNull();
    const record = {
      index: 0,
      name: 'diameter',
      roiId: 1,
      channel: 0,
      params: [],
      summary: [{ key: 'd', value: { kind: 'number' as const, text: '2.0' } }],
    };
    const text = { ...record, summary: [{ key: 's', value: { kind: 'string' as const, value: 'x' } }] };
    expect(resultValues([record, { ...record, index: 1 }, text])).toEqual({
      'diameter/1/0/d': 2,
      'diameter/1/0/d/2': 2,
    });
  });
});
