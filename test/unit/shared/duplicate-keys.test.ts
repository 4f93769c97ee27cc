/**
 * A key written twice in one JSON object (issue 77): a splice edits the first, JSON.parse reads
 * the last, so an edit would be lost. Found with its place and lines, and refused where a user's
 * file is read (microscope descriptions, lab profiles, presets).
 */
import { describe, expect, it } from 'vitest';
import { duplicateKeys, duplicateKeyText } from '../../../shared/duplicate-keys';
import { applyInstrumentEdits, readInstrumentDescription } from '../../../shared/instruments';
import { parsePresetFile } from '../../../shared/presets/preset-file';
import { loadProfile } from '../../../shared/profile';

/** A description whose objective writes `LensNA` twice: the first on line 8, the last on line 10. */
const DESCRIPTION = `{
  "Name": "SP8",
  "Schema_ID": "Instrument.json",
  "ID": "sp8",
  "components": [
    {
      "Schema_ID": "Objective.json", "ID": "obj", "Name": "HC PL APO 63x/1.40 Oil",
      "LensNA": 1.3,
      "Magnification": 63,
      "LensNA": 1.4
    }
  ]
}
`;

describe('duplicateKeys', () => {
  it('finds each key written again in one object, with its path and both lines', () => {
    expect(duplicateKeys(DESCRIPTION)).toEqual([
      { key: 'LensNA', at: 'components[0].LensNA', lines: [8, 10], offset: DESCRIPTION.lastIndexOf('"LensNA"') },
    ]);
    const odd = '{"a b": 1, "x": {"a b": 2}, "a b": 3}';
    expect(duplicateKeys(odd).map((d) => [d.at, d.lines])).toEqual([['["a b"]', [1, 1]]]);
    expect(duplicateKeys('{"a": 1, "b": {"a": 2}}')).toEqual([]);
    expect(duplicateKeys('{"a": 1, "a"')).toEqual([]);
  });

  it('says what is wrong in words', () => {
    expect(duplicateKeyText(duplicateKeys(DESCRIPTION)[0]!)).toBe(
      'is written twice (on lines 8 and 10): an edit would change the first and every reader take the last; keep one, then edit',
    );
  });
});

describe('a key written twice in a file the user edits', () => {
  it('is an error of the microscope description, and no edit is applied to it', () => {
    const read = readInstrumentDescription(DESCRIPTION, 'acqmeta.instruments/sp8.json');
    expect(read.problems).toContainEqual({
      file: 'acqmeta.instruments/sp8.json',
      at: 'components[0].LensNA',
      message: expect.stringMatching(/^is written twice \(on lines 8 and 10\)/),
      severity: 'error',
    });
    // read as every JSON reader reads it: the last
    expect(read.description?.components[0]?.na).toBe(1.4);
    expect(() =>
      applyInstrumentEdits(DESCRIPTION, [{ op: 'set', target: { id: 'obj' }, key: 'LensNA', value: 1.45 }]),
    ).toThrow(/^components\[0\]\.LensNA is written twice/);
    expect(applyInstrumentEdits(DESCRIPTION, [])).toBe(DESCRIPTION);
  });

  it('makes a lab profile unusable, naming the line and column', () => {
    const text = '{\n  "type": "object",\n  "required": ["species"],\n  "required": []\n}\n';
    const profile = loadProfile(text, 'lab/acqmeta.profile.json');
    expect(profile.compiled).toBeNull();
    expect(profile.problems).toEqual([
      'lab/acqmeta.profile.json: line 4, column 3: the key "required" is written twice (on lines 3 and 4): an edit would change the first and every reader take the last; keep one, then edit',
    ]);
  });

  it('makes a preset file a broken one', () => {
    const text = '{"acqmeta_preset": 1, "name": "P30", "fields": {"age": "P30",\n "age": "P31"}}';
    expect(parsePresetFile(text)).toEqual({
      ok: false,
      message:
        'The key fields.age is written twice (on lines 1 and 2): an edit would change the first and every reader take the last; keep one, then edit.',
    });
  });
});
