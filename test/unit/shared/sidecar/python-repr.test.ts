import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  pythonFloatRepr,
  pythonIntRepr,
  pythonJsonString,
} from '../../../../shared/sidecar/python-repr';
import { fixtureText } from './fixture-text';

/** The double whose IEEE 754 big-endian bits are `hex`. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('pythonFloatRepr', () => {
  const cases = JSON.parse(fixtureText('python-floats.json')) as [string, string][];

  it('matches python3 json.dumps for every number of the fixture', () => {
    expect(cases.length).toBeGreaterThan(300);
    const mismatches = cases.filter(([bits, python]) => pythonFloatRepr(fromBits(bits)) !== python);
    expect(mismatches).toEqual([]);
  });

  it.each([
    [75, '75.0'],
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [0.0001, '0.0001'],
    [0.004408400000000001, '0.004408400000000001'],
    [-2.5e-7, '-2.5e-07'],
    [1.5e300, '1.5e+300'],
  ])('%s → %s', (x, text) => {
    expect(pythonFloatRepr(x)).toBe(text);
  });
});

describe('pythonIntRepr', () => {
  it('writes integers without exponent or decimal point', () => {
    expect([pythonIntRepr(3), pythonIntRepr(-12), pythonIntRepr(1e21)]).toEqual(['3', '-12', '1000000000000000000000']);
  });
});

describe('pythonJsonString', () => {
  it('escapes like json.dumps with ensure_ascii', () => {
    expect(pythonJsonString('µm café 🐭 "q" \\ \n\r\t\b\f \u0001 \u007f ~')).toBe(
      '"\\u00b5m caf\\u00e9 \\ud83d\\udc2d \\"q\\" \\\\ \\n\\r\\t\\b\\f \\u0001 \\u007f ~"',
    );
  });
});

describe('compareCodePoints', () => {
  it('puts characters above U+FFFF after U+E000–U+FFFF, unlike UTF-16 order', () => {
    expect(['😀', '\uffff', '\ue000', 'a'].sort(compareCodePoints)).toEqual(['a', '\ue000', '\uffff', '😀']);
    expect(['ab', 'a', 'B'].sort(compareCodePoints)).toEqual(['B', 'a', 'ab']);
  });
});
