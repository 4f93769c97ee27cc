import { describe, expect, it } from 'vitest';
import type { HeaderValues } from '../../../../shared/api';
import { createSidecarText, parseSidecar } from '../../../../shared/sidecar';
import { fixtureText } from './fixture-text';

const IMAGEJ_2CH: HeaderValues = {
  shape: '(2, 512, 512)',
  dims: "('C', 'Y', 'X')",
  sizes: "{'C': 2, 'Y': 512, 'X': 512}",
  dtype: 'uint16',
  num_channels: 2,
  num_scenes: 1,
  date: '',
  time: '',
};

describe('createSidecarText', () => {
  it("writes the doc's minimal sidecar byte for byte", () => {
    expect(createSidecarText(IMAGEJ_2CH, null, {})).toBe(fixtureText('minimal-2ch-imagej.tif.json'));
  });

  it('takes the calibration the file declares, with um for micrometres', () => {
    for (const unit of ['um', 'µm', 'micron', '\\u00B5m']) {
      const text = createSidecarText(IMAGEJ_2CH, { x: 0.5, y: 0.25, unit }, {});
      expect(text).toContain('"physical_label_x": "um",\n    "physical_label_y": "um",\n    "physical_unit_x": 0.5,\n    "physical_unit_y": 0.25,');
    }
  });

  it('falls back on 1.0 / Pixels when the declared calibration is unusable', () => {
    const text = createSidecarText(IMAGEJ_2CH, { x: 0, y: Number.NaN, unit: 'um' }, {});
    expect(text).toBe(fixtureText('minimal-2ch-imagej.tif.json'));
  });

  it('applies the changes in CloudScope form and parses back', () => {
    const text = createSidecarText(IMAGEJ_2CH, { x: 0.5, y: 0.5, unit: 'um' }, { species: ' mouse ', depth: 75, branch_order: 2, physical_label_x: 'nm' });
    expect(text).toContain('"species": "mouse",');
    expect(text).toContain('"depth": 75.0,');
    expect(text).toContain('"branch_order": 2,');
    expect(text).toContain('"physical_label_x": "nm",');
    const parsed = parseSidecar(text);
    expect(parsed.ok && parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.sidecar.headerValues()).toEqual(IMAGEJ_2CH);
  });

  it('refuses invalid changes', () => {
    expect(() => createSidecarText(IMAGEJ_2CH, null, { branch_order: 1.5 })).toThrow('Branch order: must be a whole number (got 1.5)');
  });
});
