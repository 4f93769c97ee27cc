import { describe, expect, it } from 'vitest';
import { readAnalyses, readRois, storedValue } from '../../../../shared/analysis';
import { applyChanges } from '../../../../shared/sidecar';
import { readJson } from '../../../../shared/sidecar/json-reader';
import { changedLines, fixtureText } from '../sidecar/fixture-text';
import { LINESCANS, linescanText, sidecarOf } from './linescan-fixtures';

describe('readRois', () => {
  it('reads rectangles, a line and an unknown type with its raw data', () => {
    const rois = readRois(sidecarOf(linescanText('ls_01.tif.json')));
    expect(rois.map((r) => [r.id, r.type, r.name])).toEqual([
      [1, 'rectroi', 'vessel 1'],
      [2, 'rectroi', ''],
      [3, 'rectroi', ''],
      [4, 'rectroi', ''],
      [5, 'linesegmentroi', 'cross-section'],
      [6, 'polygonroi', 'lumen'],
    ]);
    expect(rois[0]?.bounds).toEqual({ kind: 'rect', rowStart: 0, rowStop: 3000, colStart: 1, colStop: 6 });
    expect(rois[1]?.note).toBe('branch point µ-vessel');
    expect(rois[4]?.bounds).toEqual({ kind: 'line', row0: 200, col0: 2, row1: 1400, col1: 21 });
    expect(rois[5]?.bounds).toBeNull();
    expect(rois[5]?.raw).toContain('"roi_type": "polygonroi"');
    expect(rois[5]?.raw).toContain('"points": [\n');
  });

  it('keeps ROIs it cannot draw: missing bounds keys, non-numeric ids, items that are not objects', () => {
    const text = fixtureText('minimal-2ch-imagej.tif.json').replace(
      '"rois": []',
      '"rois": [{"roi_id": "a", "roi_type": "rectroi", "data": {"row_start": 1}}, 7]',
    );
    const rois = readRois(sidecarOf(text));
    expect(rois).toHaveLength(2);
    expect(rois[0]).toMatchObject({ id: null, type: 'rectroi', bounds: null });
    expect(rois[1]).toMatchObject({ index: 1, type: '', bounds: null, raw: '7' });
  });
});

describe('readAnalyses', () => {
  it('reads every record in order with its summary and parameters as written', () => {
    const records = readAnalyses(sidecarOf(linescanText('ls_01.tif.json')));
    expect(records.map((r) => `${r.name}/${r.roiId}/${r.channel}`)).toEqual([
      'radon_velocity/1/0',
      'diameter/1/0',
      'radon_velocity/2/0',
      'diameter/2/0',
      'radon_velocity/3/0',
      'diameter/3/0',
      'radon_velocity/4/0',
      'diameter/4/0',
    ]);
    expect(records[0]?.summary).toEqual([
      { key: 'num_windows', value: { kind: 'number', text: '57' } },
      { key: 'velocity_cv', value: { kind: 'number', text: '0.5914461880500383' } },
      { key: 'velocity_mean', value: { kind: 'number', text: '1.74263643202636' } },
      { key: 'velocity_median', value: { kind: 'number', text: '1.9004092829093207' } },
    ]);
    expect(records[4]?.summary.find((v) => v.key === 'velocity_mean')?.value).toEqual({ kind: 'number', text: 'NaN' });
    expect(records[0]?.params).toEqual([{ key: 'window_width', value: { kind: 'number', text: '16' } }]);
    expect(records[1]?.params).toEqual([
      { key: 'binning_method', value: { kind: 'string', value: 'mean' } },
      { key: 'diameter_method', value: { kind: 'string', value: 'gradient_edges' } },
      { key: 'enable_motion_gating', value: { kind: 'boolean', value: true } },
    ]);
  });

  it('keeps number text that a float would change, and nested values as one-line JSON', () => {
    const records = readAnalyses(sidecarOf(fixtureText('canonical.tif.json')));
    const summary = Object.fromEntries(records.flatMap((r) => r.summary.map((v) => [v.key, v.value])));
    expect(summary.values).toEqual({ kind: 'json', text: '[1.0, NaN, 2.5]' });
    expect(summary.fraction).toEqual({ kind: 'number', text: '0.004408400000000001' });
    expect(summary.big).toEqual({ kind: 'number', text: '1e+16' });
    expect(summary.max_velocity).toEqual({ kind: 'number', text: 'Infinity' });
    expect(summary.min_velocity).toEqual({ kind: 'number', text: '-Infinity' });
    expect(records[0]?.params.find((p) => p.key === 'threshold')?.value).toEqual({ kind: 'number', text: '1e-05' });
  });

  it('shows an object or null as stored values', () => {
    const tree = readJson('{"a": {"z": 1, "b": [true, null]}, "n": null}');
    if (!tree.ok || tree.value.kind !== 'object') throw new Error('test JSON');
    expect(tree.value.entries.map((e) => storedValue(e.value))).toEqual([
      { kind: 'json', text: '{"b": [true, null], "z": 1}' },
      { kind: 'null' },
    ]);
  });
});

describe('sidecars with ROIs and analyses stay as CloudScope wrote them', () => {
  it.each(LINESCANS)('%s: reading its ROIs and analyses then saving without changes gives the same bytes', (name) => {
    const text = linescanText(name);
    const sidecar = sidecarOf(text);
    readRois(sidecar);
    readAnalyses(sidecar);
    expect(sidecar.text).toBe(text);
    expect(applyChanges(sidecar, {})).toBe(text);
    expect(applyChanges(sidecar, sidecar.fieldValues())).toBe(text);
  });

  it('an edit of a field changes its line only, ROIs, NaN and Infinity included', () => {
    const text = linescanText('ls_02.tif.json');
    const after = applyChanges(sidecarOf(text), { genotype: 'APP/PS1 het' });
    expect(changedLines(text, after)).toEqual([
      { line: expect.any(Number), before: '    "genotype": "APP/PS1",', after: '    "genotype": "APP/PS1 het",' },
    ]);
    expect(after).toContain('"velocity_cv": Infinity,');
  });
});
