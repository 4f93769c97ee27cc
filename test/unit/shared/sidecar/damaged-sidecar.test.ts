import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDamagedSidecar } from '../../../../shared/sidecar';
import { salvageValues } from '../../../../shared/sidecar/salvage-values';

const WHOLE = readFileSync('test/fixtures/e2e-folder/stacks/_blobs_3d_fiji_skeleton.tif.json', 'utf8');

/** The whole blobs sidecar cut just after `marker` (its first occurrence). */
function cutAfter(marker: string): string {
  const at = WHOLE.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  return WHOLE.slice(0, at + marker.length);
}

/** The salvaged values as `section/name → value`. */
function valuesOf(text: string): Record<string, unknown> {
  const damaged = describeDamagedSidecar(text, true);
  return Object.fromEntries(damaged.values.map((v) => [`${v.section}/${v.name}`, v.value]));
}

describe('describeDamagedSidecar', () => {
  it('reads the values before the damage of a file cut short, and none after it', () => {
    const text = cutAfter('"species": "rat",\n    "treatment"');
    const damaged = describeDamagedSidecar(text, true);
    expect(damaged.kind).toBe('json');
    expect(damaged.problem).toMatch(/not valid JSON: the file ends too early/);
    expect(damaged.line).toBe(text.split('\n').length);
    expect(damaged.readUntilLine).toBe(damaged.line);
    expect(damaged.text).toBe(text);
    expect(damaged.cut).toBe(false);
    expect(valuesOf(text)).toEqual({
      'top/accepted': false,
      'experiment_metadata/age': '',
      'experiment_metadata/branch_order': { number: '2' },
      'experiment_metadata/cell_type': '',
      'experiment_metadata/condition': 'control',
      'experiment_metadata/condition2': '',
      'experiment_metadata/date': '',
      'experiment_metadata/depth': { number: '120.5' },
      'experiment_metadata/direction': '',
      'experiment_metadata/genotype': '',
      'experiment_metadata/note': '',
      'experiment_metadata/region': '',
      'experiment_metadata/sex': '',
      'experiment_metadata/species': 'rat',
    });
  });

  it('never takes a value the damage may have cut', () => {
    expect(valuesOf(cutAfter('"depth": 120'))).not.toHaveProperty('experiment_metadata/depth');
    expect(valuesOf(cutAfter('"accepted": fal'))).toEqual({});
    expect(valuesOf(cutAfter('"condition": "cont'))).not.toHaveProperty('experiment_metadata/condition');
    expect(valuesOf(cutAfter('"depth": 120.5'))).not.toHaveProperty('experiment_metadata/depth');
    expect(valuesOf(cutAfter('"depth": 120.5,'))).toHaveProperty('experiment_metadata/depth', { number: '120.5' });
  });

  it('stops at broken JSON in the middle and marks its line', () => {
    const text = WHOLE.replace('"genotype": "",', '"genotype": "" oops');
    const damaged = describeDamagedSidecar(text, true);
    const line = text.split('\n').findIndex((l) => l.includes('oops')) + 1;
    expect(damaged.line).toBe(line);
    const values = valuesOf(text);
    expect(values['experiment_metadata/depth']).toEqual({ number: '120.5' });
    expect(values).not.toHaveProperty('experiment_metadata/species');
    expect(values).not.toHaveProperty('image_header_metadata/physical_unit_x');
  });

  it('reads the whole of a JSON file CloudScope would not load, calibration included', () => {
    const text = WHOLE.replace('"version": 2', '"version": 3');
    const damaged = describeDamagedSidecar(text, true);
    expect(damaged.kind).toBe('structure');
    expect(damaged.problem).toMatch(/only version 2 is supported/);
    expect(damaged.line).toBe(text.split('\n').length - 1);
    expect(damaged.readUntilLine).toBeNull();
    const values = valuesOf(text);
    expect(values['top/version']).toEqual({ number: '3' });
    expect(values['image_header_metadata/physical_unit_x']).toEqual({ number: '1.0' });
    expect(values['image_header_metadata/physical_label_y']).toBe('Pixels');
    // header values come from the image, not from a damaged sidecar
    expect(values).not.toHaveProperty('image_header_metadata/shape');
    expect(damaged.values).toHaveLength(21); // 15 experiment fields, 4 of calibration, accepted, version
  });

  it('keeps the values of ROIs and analyses out, and decodes escapes', () => {
    const text =
      '{"rois": [{"name": "species", "note": "x"}], "analysis": [{"summary": {"depth": 5}}],' +
      ' "experiment_metadata": {"note": "\\u00b5m \\"q\\"\\n", "depth": NaN}, "accepted": true';
    expect(salvageValues(text, text.length)).toEqual([
      { section: 'experiment_metadata', name: 'note', value: 'µm "q"\n' },
      { section: 'experiment_metadata', name: 'depth', value: { number: 'NaN' } },
    ]);
  });

  it('shows a long file around its problem, and says it is cut', () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `    "key_${i}": "${'x'.repeat(30)}",`).join('\n');
    const text = `{\n  "experiment_metadata": {\n${filler}\n    "species": "rat" !\n  }\n}`;
    const damaged = describeDamagedSidecar(text, true, 2_000);
    expect(damaged.cut).toBe(true);
    expect(damaged.text.length).toBeLessThanOrEqual(2_000);
    expect(damaged.totalLines).toBe(text.split('\n').length);
    const lines = damaged.text.split('\n');
    expect(lines[(damaged.line as number) - damaged.firstLine]).toContain('"species": "rat" !');
    expect(damaged.firstLine).toBeGreaterThan(1);
    expect(damaged.firstLine + lines.length - 1).toBe(damaged.totalLines);
  });

  it('says when the bytes are not UTF-8 and still shows them', () => {
    const damaged = describeDamagedSidecar('{"accepted": false, "x": "\ufffd"}', false);
    expect(damaged.kind).toBe('encoding');
    expect(damaged.problem).toBe('not valid UTF-8 text');
    expect(damaged.values).toEqual([{ section: 'top', name: 'accepted', value: false }]);
  });
});
