import { describe, expect, it } from 'vitest';
import { headerCalibration, headerSidecarGap } from '../../../../renderer/src/editor/header-calibration-values';
import { imagejAcquisition } from '../../../../shared/acquisition/imagej-acquisition';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { parseXml } from '../../../../shared/tiff';
import { DEFAULTS } from '../store/fake-client';

const OME = `<?xml version="1.0"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0">
<Pixels ID="Pixels:0" PhysicalSizeX="0.5" PhysicalSizeXUnit="µm" PhysicalSizeZ="2" TimeIncrement="30" SizeX="4"/></Image></OME>`;
const calibrated = {
  ...DEFAULTS,
  physical_unit_x: 0.5,
  physical_unit_y: 0.5,
  physical_label_x: 'um',
  physical_label_y: 'um',
};

describe('the calibration a header holds', () => {
  it('names where each value was read: ImageJ description, OME-XML, resolution tags', () => {
    const imagej = headerCalibration({
      fileCalibration: { x: 0.5, y: 0.5, unit: 'um', source: 'imagej' },
      acquisition: imagejAcquisition({ unit: 'nm', spacing: 2000, finterval: 0.5 }, undefined),
    });
    expect(imagej).toEqual([
      { value: 'pixel size', text: '0.5 × 0.5 um', place: 'ImageJ description (unit) and resolution tags' },
      { value: 'z step', text: '2 µm', place: 'ImageJ description' },
      { value: 'interval', text: '0.5 s', place: 'ImageJ description' },
    ]);
    const ome = headerCalibration({
      fileCalibration: { x: 0.5, y: 0.5, unit: 'um', source: 'ome' },
      acquisition: omeAcquisition(parseXml(OME)!),
    });
    expect(ome.map((v) => [v.value, v.text, v.place])).toEqual([
      ['pixel size', '0.5 × 0.5 um', 'OME-XML'],
      ['z step', '2 µm', 'OME-XML'],
      ['interval', '30 s', 'OME-XML'],
    ]);
    const plain = headerCalibration({ fileCalibration: null });
    expect(plain).toEqual([{ value: 'pixel size', text: 'none', place: null }]);
  });

  it('flags a header that disagrees with the sidecar, or holds none (or a print dpi) where the sidecar has one', () => {
    const file = { x: 0.25, y: 0.25, unit: 'um', source: 'resolution-cm' } as const;
    expect(headerSidecarGap({ fileCalibration: file, values: calibrated })).toBe(
      'File declares 0.25 × 0.25 um per pixel; sidecar has 0.5 × 0.5 um.',
    );
    expect(headerSidecarGap({ fileCalibration: { ...file, x: 0.5, y: 0.5 }, values: calibrated })).toBe(null);
    const print = { x: 352.77, y: 352.77, unit: 'um', source: 'resolution-inch' } as const;
    for (const fileCalibration of [null, print])
      expect(headerSidecarGap({ fileCalibration, values: calibrated })).toBe(
        'The header declares no microscope pixel size; the sidecar has 0.5 × 0.5 um.',
      );
    // a sidecar of 1.0 Pixels holds no calibration to write, nor does a line scan's, whose Y is time
    expect(headerSidecarGap({ fileCalibration: null, values: DEFAULTS })).toBe(null);
    const lineScan = { ...calibrated, physical_unit_y: 0.00095, physical_label_y: 'seconds' };
    expect(headerSidecarGap({ fileCalibration: null, values: lineScan })).toBe(null);
  });
});
