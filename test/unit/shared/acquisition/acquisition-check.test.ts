import { describe, expect, it } from 'vitest';
import { asAcquisition } from '../../../../shared/acquisition/acquisition-check';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';

/** An acquisition with every key the model has, as the scan cache stores it. */
const EVERY_KEY: Acquisition = {
  sources: ['czi'],
  instrument: { manufacturer: 'Zeiss', model: 'LSM 880' },
  objective: { name: 'Plan-Apochromat 63x/1.4 Oil DIC M27', magnification: 63, na: 1.4, immersion: 'Oil' },
  pixel_size_um: { x: 0.1, y: 0.1, z: 0.5 },
  storage: { byte_order: 'little', resolution_levels: 3, dimension_order: 'XYCTZ' },
  channels: [
    {
      name: 'DAPI',
      excitation_nm: 405,
      emission_nm: 461,
      light_source: 'Laser 405',
      light_source_kind: 'Laser',
      emission_filter: 'BP 420-480',
      color: '0000FF',
    },
  ],
  time_increment_s: 2,
  acquired_at: '2025-01-02T03:04:05Z',
  software: 'ZEN',
  origins: {},
  problems: [],
  disagreements: [],
};

describe('asAcquisition (what the scan cache accepts back)', () => {
  it('takes every key the acquisition model has', () => {
    const stored = JSON.parse(JSON.stringify(EVERY_KEY)) as unknown;
    expect(asAcquisition(stored)).toEqual(EVERY_KEY);
    const withDistance = { ...EVERY_KEY, objective: { ...EVERY_KEY.objective, working_distance_um: 140 } };
    expect(asAcquisition(JSON.parse(JSON.stringify(withDistance)))).toEqual(withDistance);
  });

  it('refuses a key of the wrong kind', () => {
    expect(asAcquisition({ ...EVERY_KEY, objective: { na: '1.4' } })).toBeUndefined();
  });

  it('refuses a byte order, dimension order or light source kind the model does not name', () => {
    expect(asAcquisition({ ...EVERY_KEY, storage: { byte_order: 'middle' } })).toBeUndefined();
    expect(asAcquisition({ ...EVERY_KEY, storage: { dimension_order: 'XYZ' } })).toBeUndefined();
    expect(asAcquisition({ ...EVERY_KEY, storage: { resolution_levels: '3' } })).toBeUndefined();
    expect(asAcquisition({ ...EVERY_KEY, channels: [{ light_source_kind: 'Candle' }] })).toBeUndefined();
  });
});
