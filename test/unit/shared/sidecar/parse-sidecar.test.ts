import { describe, expect, it } from 'vitest';
import { parseSidecar, type Sidecar } from '../../../../shared/sidecar';
import { fixtureText, IMAGEJ_2CH_HEADER } from './fixture-text';

function parsed(text: string): { sidecar: Sidecar; problems: string[] } {
  const result = parseSidecar(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result;
}

/** The canonical fixture with one stored value replaced in its text. */
function withStored(line: string, replacement: string): string {
  const text = fixtureText('canonical.tif.json');
  if (!text.includes(line)) throw new Error(`fixture lacks ${line}`);
  return text.replace(line, replacement);
}

describe('parseSidecar: valid files', () => {
  it('reads the 20 editable fields of a CloudScope file', () => {
    const { sidecar, problems } = parsed(fixtureText('canonical.tif.json'));
    expect(problems).toEqual([]);
    expect(sidecar.fieldValues()).toEqual({
      species: 'mouse',
      sex: 'F',
      genotype: 'Ai14 × PDGFRb-Cre',
      age: 'P30',
      region: 'café cortex',
      cell_type: 'pericyte',
      depth: 75,
      branch_order: 3,
      direction: 'arteriole → venule',
      condition: 'control',
      condition2: '',
      treatment: 'saline',
      treatment2: '',
      date: '2024-03-05',
      note: 'first line\nsecond line 🐭 "quoted" back\\slash\ttab',
      physical_unit_y: 0.3107,
      physical_unit_x: 0.3107,
      physical_label_y: 'µm',
      physical_label_x: 'µm',
      accepted: true,
    });
    expect(sidecar.text).toBe(fixtureText('canonical.tif.json'));
  });

  it('reads the header values', () => {
    expect(parsed(fixtureText('canonical.tif.json')).sidecar.headerValues()).toEqual({
      ...IMAGEJ_2CH_HEADER,
      date: '20240305',
      time: '14:03:59',
    });
  });

  it('gives defaults for keys an older file lacks and does not complain about _is_dirty', () => {
    const { sidecar, problems } = parsed(fixtureText('old-is-dirty.tif.json'));
    expect(problems).toEqual([]);
    expect(sidecar.fieldValues()).toMatchObject({ age: '', species: 'rat', depth: null, branch_order: null });
  });

  it.each([
    ['"branch_order": 3,', '"branch_order": 2.5,', 'Branch order: must be a whole number (got 2.5)'],
    ['"branch_order": 3,', '"branch_order": 2.0,', 'Branch order: must be a whole number (got 2.0)'],
    ['"branch_order": 3,', '"branch_order": "abc",', 'Branch order: must be a whole number (got "abc")'],
    ['"depth": 75.0,', '"depth": NaN,', 'Depth: must be a number in µm (got NaN)'],
    ['"depth": 75.0,', '"depth": "deep",', 'Depth: must be a number in µm (got "deep")'],
    ['"species": "mouse",', '"species": null,', 'Species: must be text (got null)'],
    ['"physical_unit_x": 0.3107,', '"physical_unit_x": -1.0,', 'Pixel size X: must be greater than 0'],
    ['"num_channels": 2,', '"num_channels": "2",', 'Channels: must be a whole number (got "2")'],
    ['"accepted": true,', '"accepted": "yes",', 'accepted: must be true or false (got "yes")'],
    [
      '"accepted": true,',
      '"accepted": true, "extra": 1,',
      'unknown top-level key "extra": CloudScope warns about it and drops it on its next save',
    ],
    ['"roi_type": "rectroi",', '"roi_type": "rectroi", "color": "red",', 'ROI 1: unexpected key "color"'],
    [
      '"row_stop": 120',
      '"row_end": 120',
      'ROI 1, data: required key "row_stop" is missing; ROI 1, data: unexpected key "row_end"',
    ],
    [
      '"roi_type": "linesegmentroi",',
      '"roi_type": "polygon",',
      'ROI 2, type: must be one of "rectroi", "linesegmentroi" (got "polygon")',
    ],
  ])('reports a stored %s written as %s', (line, replacement, message) => {
    const { sidecar, problems } = parsed(withStored(line, replacement));
    expect(problems.join('; ')).toBe(message);
    expect(sidecar.text).toContain(replacement);
  });
});

describe('parseSidecar: files the editor must not touch', () => {
  it('rejects version 3 and points at it', () => {
    expect(parseSidecar(fixtureText('version-3.tif.json'))).toEqual({
      ok: false,
      problems: [{ message: 'version is 3; only version 2 is supported (line 37, column 14)', line: 37, column: 14 }],
    });
  });

  it('rejects a file without rois', () => {
    expect(parseSidecar(fixtureText('missing-rois.tif.json'))).toEqual({
      ok: false,
      problems: [{ message: 'required key "rois" is missing' }],
    });
  });

  it.each([
    [
      '{"version": "2", "accepted": true, "rois": [], "experiment_metadata": {}, "image_header_metadata": {}, "analysis": []}',
      'version is "2"; only version 2 is supported (line 1, column 13)',
    ],
    [
      '{"version": 2.0, "accepted": true, "rois": [], "experiment_metadata": {}, "image_header_metadata": {}, "analysis": []}',
      'version is 2.0; only version 2 is supported (line 1, column 13)',
    ],
    [
      '{"version": 2, "accepted": true, "rois": {}, "experiment_metadata": [], "image_header_metadata": {}, "analysis": []}',
      '"rois" must be an array, not an object (line 1, column 42); "experiment_metadata" must be an object, not an array (line 1, column 69)',
    ],
    [
      '{}',
      'required key "version" is missing; required key "accepted" is missing; required key "rois" is missing; required key "experiment_metadata" is missing; required key "image_header_metadata" is missing; required key "analysis" is missing',
    ],
    ['[1]', 'the top level must be an object, not an array (line 1, column 1)'],
  ])('%s', (text, messages) => {
    const result = parseSidecar(text);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => (typeof p === 'string' ? p : p.message)).join('; ')).toBe(messages);
  });
});

describe('parseSidecar: a byte order mark', () => {
  const text = fixtureText('canonical.tif.json');

  it('reads a sidecar valid but for a leading BOM, says so, and leaves the mark out of its text', () => {
    const { sidecar, problems } = parsed(`\uFEFF${text}`);
    expect(problems).toEqual([
      "Byte order mark (BOM) at the start: Python's json, and so CloudScope, refuses the file; AcqMeta saves it without one",
    ]);
    expect(sidecar.byteOrderMark).toBe(true);
    expect(sidecar.text).toBe(text);
    expect(sidecar.fieldValues().species).toBe('mouse');
    expect(parsed(text).sidecar.byteOrderMark).toBe(false);
  });

  it('keeps a BOM before text that is not a sidecar an error at line 1, column 1', () => {
    const result = parseSidecar('\uFEFF{"version": 2');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'not valid JSON: the file starts with a byte order mark (BOM), which CloudScope cannot read (line 1, column 1)',
    ]);
  });
});
