import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../../../../shared/sidecar';
import { readJson } from '../../../../shared/sidecar/json-reader';
import { toPlain } from '../../../../shared/sidecar/json-tree';
import { writeJson } from '../../../../shared/sidecar/json-writer';
import { fixtureText } from './fixture-text';

const PYTHON_WRITTEN = [
  'canonical.tif.json',
  'old-is-dirty.tif.json',
  'minimal-2ch-imagej.tif.json',
  'python-strings.json',
  'python-floats.json',
];

function read(text: string) {
  const result = readJson(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The message parseSidecar gives for text that is not JSON. */
function jsonProblem(text: string): string {
  const result = parseSidecar(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problems[0]?.message ?? '';
}

describe('readJson + writeJson', () => {
  it.each(PYTHON_WRITTEN)('writes %s back byte for byte', (name) => {
    const text = fixtureText(name);
    expect(writeJson(read(text))).toBe(text);
  });

  it('accepts bare NaN, Infinity and -Infinity and keeps number text as written', () => {
    const tree = read('{"a": [NaN, Infinity, -Infinity, 1.0, 1e-05, 1E+2, -0.0, 12345678901234567890]}');
    expect(writeJson(tree)).toBe(
      '{\n  "a": [\n    NaN,\n    Infinity,\n    -Infinity,\n    1.0,\n    1e-05,\n    1E+2,\n    -0.0,\n    12345678901234567890\n  ]\n}',
    );
    expect(toPlain(tree)).toEqual({
      a: [NaN, Infinity, -Infinity, 1, 0.00001, 100, -0, Number('12345678901234567890')],
    });
  });

  it('accepts exactly the numbers JSON accepts, each kept as written', () => {
    const numbers = [
      '0',
      '-0',
      '7',
      '-12',
      '0.5',
      '-0.5e+3',
      '1E-2',
      '0e0',
      '10.25E7',
      '1.',
      '.5',
      '01',
      '-',
      '+1',
      '1e',
      '1e+',
      '1.e3',
      '0x1',
      '-01.0',
      '2.5e-',
    ];
    for (const text of numbers) {
      const doc = `[${text}]`;
      let valid = true;
      try {
        JSON.parse(doc);
      } catch {
        valid = false;
      }
      const result = readJson(doc);
      expect({ text, ok: result.ok }).toEqual({ text, ok: valid });
      if (result.ok && result.value.kind === 'array')
        expect(result.value.items[0]).toMatchObject({ kind: 'number', text });
    }
  });

  it('keeps key order and unknown keys when reading', () => {
    expect(Object.keys(toPlain(read('{"b": 1, "a": {"z": 0, "y": 0}, "_x": 2}')) as object)).toEqual(['b', 'a', '_x']);
  });

  it('sorts keys by code point as Python does, whatever order they were read in', () => {
    const text = fixtureText('python-strings.json');
    const tree = read(text);
    if (tree.kind !== 'object') throw new Error('object expected');
    expect(writeJson({ ...tree, entries: [...tree.entries].reverse() })).toBe(text);
  });

  it('decodes escapes in either hex case', () => {
    expect(toPlain(read('"\\u00B5m \\u00b5m \\ud83d\\udc2d \\/ \\n"'))).toBe('µm µm 🐭 / \n');
  });

  it.each([
    ['"\\u00b5 \\ud83d\\udc2d \\u001f"', true],
    ['"\\u00B5"', false],
    ['"\\u0041"', false],
    ['"\\u000a"', false],
  ])('takes %s as laid out by the writer: %s', (text, canonical) => {
    const result = readJson(text);
    expect(result.ok && result.canonical).toBe(canonical);
  });

  it('writes empty containers as {} and []', () => {
    expect(writeJson(read('{ "a" : { } , "b" : [ ] }'))).toBe('{\n  "a": {},\n  "b": []\n}');
  });
});

describe('syntax errors', () => {
  it('names the line and column of a missing comma', () => {
    expect(jsonProblem(fixtureText('corrupt.tif.json'))).toBe("not valid JSON: expected ',' or '}' (line 3, column 3)");
  });

  it.each([
    ['', 'not valid JSON: the file is empty (line 1, column 1)'],
    ['{"a": 1', "not valid JSON: the file ends too early: expected ',' or '}' (line 1, column 8)"],
    ['[1 2]', "not valid JSON: expected ',' or ']' (line 1, column 4)"],
    ['{"a" 1}', "not valid JSON: expected ':' (line 1, column 6)"],
    ['{\n  "a": 1,\n}', 'not valid JSON: expected a key in double quotes (line 3, column 1)'],
    ["{'a': 1}", 'not valid JSON: expected a key in double quotes (line 1, column 2)'],
    ['{"a": tru}', 'not valid JSON: expected a value (line 1, column 7)'],
    ['{"a": +1}', 'not valid JSON: expected a value (line 1, column 7)'],
    ['{"a": nan}', 'not valid JSON: expected a value (line 1, column 7)'],
    ['{"a": "x}', 'not valid JSON: a string is not closed (line 1, column 7)'],
    ['{"a": "\\x"}', 'not valid JSON: invalid escape in a string (line 1, column 8)'],
    ['{"a": "\\u00g5"}', 'not valid JSON: invalid escape in a string (line 1, column 8)'],
    ['{"a": "\\u12"}', 'not valid JSON: invalid escape in a string (line 1, column 8)'],
    [
      '{"a": "two\nlines"}',
      'not valid JSON: a control character (such as a line break) inside a string must be escaped (line 1, column 11)',
    ],
    ['{"é": 1} x', 'not valid JSON: unexpected text after the end of the JSON value (line 1, column 10)'],
    [
      '\ufeff{}',
      'not valid JSON: the file starts with a byte order mark (BOM), which CloudScope cannot read (line 1, column 1)',
    ],
  ])('%j', (text, message) => {
    expect(jsonProblem(text)).toBe(message);
  });

  it('counts columns in characters, past emoji', () => {
    expect(jsonProblem('{"🐭": 1 "x": 2}')).toBe("not valid JSON: expected ',' or '}' (line 1, column 9)");
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(jsonProblem('['.repeat(100_000))).toBe(
      'not valid JSON: nested more than 500 levels deep (line 1, column 502)',
    );
  });

  it('reports line and column as numbers too', () => {
    const result = parseSidecar('{\n  "a": 1\n  "b": 2\n}');
    expect(result).toEqual({
      ok: false,
      problems: [{ message: "not valid JSON: expected ',' or '}' (line 3, column 3)", line: 3, column: 3 }],
    });
  });
});
