import { describe, expect, it } from 'vitest';
import { createSidecarText, parseSidecar } from '../../../../shared/sidecar';
import { fixtureText, IMAGEJ_2CH_HEADER } from './fixture-text';

describe('createSidecarText', () => {
  it("writes the doc's minimal sidecar byte for byte", () => {
    expect(createSidecarText(IMAGEJ_2CH_HEADER, null, {})).toBe(fixtureText('minimal-2ch-imagej.tif.json'));
  });

  it('takes the calibration the file declares, with um for micrometres', () => {
    for (const unit of ['um', 'µm', 'micron', '\\u00B5m']) {
      const text = createSidecarText(IMAGEJ_2CH_HEADER, { x: 0.5, y: 0.25, unit, source: 'imagej' }, {});
      expect(text).toContain(
        '"physical_label_x": "um",\n    "physical_label_y": "um",\n    "physical_unit_x": 0.5,\n    "physical_unit_y": 0.25,',
      );
    }
  });

  it('falls back on 1.0 / Pixels when the declared calibration is unusable', () => {
    const text = createSidecarText(IMAGEJ_2CH_HEADER, { x: 0, y: Number.NaN, unit: 'um', source: 'ome' }, {});
    expect(text).toBe(fixtureText('minimal-2ch-imagej.tif.json'));
  });

  it('keeps 1.0 / Pixels for a print resolution in dots per inch', () => {
    const text = createSidecarText(
      IMAGEJ_2CH_HEADER,
      { x: 25400 / 300, y: 25400 / 300, unit: 'um', source: 'resolution-inch' },
      {},
    );
    expect(text).toBe(fixtureText('minimal-2ch-imagej.tif.json'));
  });

  it('applies the changes in CloudScope form and parses back', () => {
    const text = createSidecarText(
      IMAGEJ_2CH_HEADER,
      { x: 0.5, y: 0.5, unit: 'um', source: 'ome' },
      { species: ' mouse ', depth: 75, branch_order: 2, physical_label_x: 'nm' },
    );
    expect(text).toContain('"species": "mouse",');
    expect(text).toContain('"depth": 75.0,');
    expect(text).toContain('"branch_order": 2,');
    expect(text).toContain('"physical_label_x": "nm",');
    const parsed = parseSidecar(text);
    expect(parsed.ok && parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.sidecar.headerValues()).toEqual(IMAGEJ_2CH_HEADER);
  });

  it('refuses invalid changes', () => {
    expect(() => createSidecarText(IMAGEJ_2CH_HEADER, null, { branch_order: 1.5 })).toThrow(
      'Branch order: must be a whole number (got 1.5)',
    );
  });
});
