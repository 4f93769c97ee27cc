import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../shared/errors';
import { applyChanges, parseSidecar, type Sidecar } from '../../../../shared/sidecar';
import { changedLines, fixtureText } from './fixture-text';

function sidecarOf(text: string): Sidecar {
  const result = parseSidecar(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.sidecar;
}

const canonical = fixtureText('canonical.tif.json');
const old = fixtureText('old-is-dirty.tif.json');

describe('applyChanges: nothing to change', () => {
  it('returns the same bytes when no field changes', () => {
    expect(applyChanges(sidecarOf(canonical), {})).toBe(canonical);
  });

  it('returns the same bytes when every value given equals the stored one', () => {
    for (const text of [canonical, old]) {
      const sidecar = sidecarOf(text);
      expect(applyChanges(sidecar, sidecar.fieldValues())).toBe(text);
    }
  });

  it('treats 75 as the stored 75.0 and untrimmed input as the stored trimmed text', () => {
    expect(applyChanges(sidecarOf(canonical), { depth: 75, species: '  mouse ' })).toBe(canonical);
  });

  it('does not add a missing field set to its default', () => {
    expect(applyChanges(sidecarOf(old), { age: '', condition: '' })).toBe(old);
  });
});

describe('applyChanges: one edit, one line', () => {
  it.each([
    ['species', 'rat', '    "species": "mouse",', '    "species": "rat",'],
    ['depth', 80.5, '    "depth": 75.0,', '    "depth": 80.5,'],
    ['depth', 80, '    "depth": 75.0,', '    "depth": 80.0,'],
    ['depth', 0.00001, '    "depth": 75.0,', '    "depth": 1e-05,'],
    ['depth', null, '    "depth": 75.0,', '    "depth": null,'],
    ['branch_order', 4, '    "branch_order": 3,', '    "branch_order": 4,'],
    [
      'note',
      'café 🐭\n"x"',
      '    "note": "first line\\nsecond line \\ud83d\\udc2d \\"quoted\\" back\\\\slash\\ttab",',
      '    "note": "caf\\u00e9 \\ud83d\\udc2d\\n\\"x\\"",',
    ],
    ['region', '  hippocampus\t', '    "region": "caf\\u00e9 cortex",', '    "region": "hippocampus",'],
    ['physical_unit_x', 0.5, '    "physical_unit_x": 0.3107,', '    "physical_unit_x": 0.5,'],
    ['physical_label_y', 'seconds', '    "physical_label_y": "\\u00b5m",', '    "physical_label_y": "seconds",'],
  ])('%s = %j', (name, value, before, after) => {
    const text = applyChanges(sidecarOf(canonical), { [name]: value });
    expect(changedLines(canonical, text)).toEqual([{ line: expect.any(Number), before, after }]);
  });

  it('keeps NaN, Infinity, 1e+16 and every other number it did not edit as written', () => {
    const text = applyChanges(sidecarOf(canonical), { sex: 'M' });
    for (const kept of [
      'NaN,',
      '"max_velocity": Infinity,',
      '-Infinity,',
      '"big": 1e+16,',
      '0.004408400000000001',
      '"threshold": 1e-05,',
      '"zoom": 2.0',
    ]) {
      expect(text).toContain(kept);
    }
  });

  it('adds a field an older file lacks only when set, and keeps _is_dirty', () => {
    const text = applyChanges(sidecarOf(old), { age: 'P60' });
    const before = old.split('\n');
    const after = text.split('\n');
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((line) => !before.includes(line))).toEqual(['    "age": "P60",']);
    expect(text).toContain('"_is_dirty": false,');
    expect(after.indexOf('    "age": "P60",')).toBe(after.indexOf('    "_is_dirty": false,') + 1);
  });

  it('sets the accepted flag on its own line at the top level, as CloudScope writes it', () => {
    const text = applyChanges(sidecarOf(canonical), { accepted: false });
    expect(changedLines(canonical, text)).toEqual([
      { line: 2, before: '  "accepted": true,', after: '  "accepted": false,' },
    ]);
    expect(sidecarOf(text).fieldValues().accepted).toBe(false);
    expect(applyChanges(sidecarOf(text), { accepted: true })).toBe(canonical);
  });

  it('takes out again a field an older file lacked, giving back its bytes, and says which fields a file lacks', () => {
    expect(sidecarOf(old).absentFields()).toEqual(['age']);
    const withAge = applyChanges(sidecarOf(old), { age: 'P60' });
    expect(sidecarOf(withAge).absentFields()).toEqual([]);
    expect(applyChanges(sidecarOf(withAge), {}, ['age'])).toBe(old);
    expect(applyChanges(sidecarOf(old), {}, ['age'])).toBe(old);
    expect(() => applyChanges(sidecarOf(old), {}, ['colour'])).toThrow('Unknown field "colour"');
  });

  it('writes several edits and re-reads them', () => {
    const text = applyChanges(sidecarOf(canonical), { species: 'rat', branch_order: null, physical_unit_y: 2 });
    expect(changedLines(canonical, text)).toHaveLength(3);
    expect(sidecarOf(text).fieldValues()).toMatchObject({ species: 'rat', branch_order: null, physical_unit_y: 2 });
    expect(text).toContain('"physical_unit_y": 2.0,');
  });

  it('rewrites a whole-number field stored as 2.0 when set to 2', () => {
    const stored = canonical.replace('"branch_order": 3,', '"branch_order": 2.0,');
    const text = applyChanges(sidecarOf(stored), { branch_order: 2 });
    expect(changedLines(stored, text)).toEqual([
      { line: expect.any(Number), before: '    "branch_order": 2.0,', after: '    "branch_order": 2,' },
    ]);
  });

  it('writes a hand-formatted file the way CloudScope would, keeping unknown keys', () => {
    const compact =
      '{"version":2,"zeta":{"b":1.50,"a":[NaN]},"accepted":false,"rois":[],"analysis":[],' +
      '"experiment_metadata":{"species":"mouse"},"image_header_metadata":{}}';
    expect(applyChanges(sidecarOf(compact), { species: 'rat' })).toBe(
      '{\n  "accepted": false,\n  "analysis": [],\n  "experiment_metadata": {\n    "species": "rat"\n  },\n' +
        '  "image_header_metadata": {},\n  "rois": [],\n  "version": 2,\n  "zeta": {\n    "a": [\n      NaN\n    ],\n    "b": 1.50\n  }\n}',
    );
  });
});

describe('applyChanges: invalid values', () => {
  it.each([
    [{ branch_order: 2.5 }, 'Branch order: must be a whole number (got 2.5)'],
    [{ depth: 'abc' }, 'Depth: must be a number in µm (got "abc")'],
    [{ physical_unit_x: 0 }, 'Pixel size X: must be greater than 0'],
    [
      { foo: 'x' },
      'Unknown field "foo" (known: species, sex, genotype, age, region, cell_type, depth, branch_order, direction, condition, condition2, treatment, treatment2, date, note, physical_unit_y, physical_unit_x, physical_label_y, physical_label_x, accepted)',
    ],
    [{ accepted: 'no' }, 'Accepted: must be true or false (got "no")'],
  ])('refuses %j', (changes, message) => {
    const run = () => applyChanges(sidecarOf(canonical), changes);
    expect(run).toThrow(ApiFailure);
    expect(run).toThrow(message);
  });
});
