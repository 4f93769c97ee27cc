/**
 * The archival OME-XML read back: the OME acquisition reader (the one every OME-TIFF goes
 * through) finds the channels, objective, instrument, physical sizes, time increment and date
 * that were written, and the OME header reader the sizes; values OME cannot state as recorded
 * (a detector's own name, a dye's excitation peak) are left out, an immersion or detector type
 * OME does not name is "Other".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import type { Acquisition, AcquisitionChannel } from '../../../../shared/acquisition/acquisition-types';
import { cleanNumber } from '../../../../shared/number-text';
import { archivalOmeXml } from '../../../../shared/ome-tiff';
import { omeImmersion } from '../../../../shared/ome-tiff/ome-enums';
import { parseOme } from '../../../../shared/tiff/ome';
import { archivalImage, vendorCase } from './ome-schema';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

const RICH: Acquisition = {
  sources: ['czi'],
  instrument: { manufacturer: 'Zeiss', model: 'LSM 980' },
  objective: { name: 'Plan-Apochromat 63x/1.40 Oil DIC M27', magnification: 63, na: 1.4, immersion: 'Oil' },
  channels: [
    {
      name: 'DAPI',
      fluor: 'DAPI',
      excitation_nm: 405,
      emission_nm: 461,
      exposure_s: 0.05,
      detector_name: 'Airyscan 1',
      detector_manufacturer: 'Zeiss',
      detector_model: 'Airyscan',
      detector_type: 'GaAsP-PMT',
      detector_serial: 'A-17',
    },
    { name: 'GFP', fluor: 'EGFP', excitation_nm: 488, emission_nm: 509, exposure_s: 0.2, dye_excitation_nm: 490 },
    { name: 'Bright', detector_type: 'HyD' },
  ],
  pixel_size_um: { x: 0.0425, y: 0.0425, z: 0.15 },
  time_increment_s: 2.5,
  acquired_at: '2024-05-01T10:20:30.5+02:00',
  software: 'ZEN 3.5',
};

/** The values of an acquisition as the OME reader gives them (no sources, origins, disagreements, problems). */
function valuesOf(acquisition: Acquisition): Partial<Acquisition> {
  const { sources: _s, origins: _o, disagreements: _d, problems: _p, ...values } = acquisition;
  return values;
}

function readBack(xml: string): Acquisition {
  const ome = parseOme(xml);
  if (ome === null) throw new Error('not OME-XML');
  return omeAcquisition(ome.root);
}

/** `value` with every number as the OME-XML writes it (a CZI's NA 1.2000000000000002 reads back 1.2). */
function asWritten<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'number' ? cleanNumber(v) : v)) as T;
}

describe('the archival OME-XML read back through the OME reader', () => {
  it('gives the channels, objective, instrument, sizes and date that were written', () => {
    const xml = archivalOmeXml(archivalImage(RICH, { sizeC: 3, sizeZ: 5, sizeT: 2, width: 640, height: 480 }));
    expect(readBack(xml).problems).toBeUndefined();
    expect(valuesOf(readBack(xml))).toEqual({
      instrument: RICH.instrument,
      objective: RICH.objective,
      channels: [
        {
          name: 'DAPI',
          fluor: 'DAPI',
          excitation_nm: 405,
          emission_nm: 461,
          exposure_s: 0.05,
          detector_manufacturer: 'Zeiss',
          detector_model: 'Airyscan',
          detector_type: 'PMT',
          detector_serial: 'A-17',
        },
        { name: 'GFP', fluor: 'EGFP', excitation_nm: 488, emission_nm: 509, exposure_s: 0.2 },
        { name: 'Bright', detector_type: 'Other' },
      ],
      pixel_size_um: RICH.pixel_size_um,
      storage: { dimension_order: 'XYCZT' },
      time_increment_s: 2.5,
      acquired_at: RICH.acquired_at,
      software: RICH.software,
    });
    const pixels = parseOme(xml)?.images[0]?.pixels[0];
    expect(pixels?.attributes).toMatchObject({ SizeX: '640', SizeY: '480', SizeC: '3', SizeZ: '5', SizeT: '2' });
    expect(pixels?.tiffData.map((data) => data.attributes)).toEqual([{ IFD: '0', PlaneCount: '30' }]);
  });

  it('writes numbers widened from float32 or carried with float noise as they were recorded', () => {
    const f32 = Math.fround;
    const noisy: Acquisition = {
      sources: ['czi'],
      objective: { name: 'Plan 40x', magnification: 40, na: f32(1.4), immersion: 'Oil' },
      channels: [{ name: 'GFP', excitation_nm: f32(488.1), emission_nm: 509.00000000000006, exposure_s: f32(0.05) }],
      pixel_size_um: { x: f32(0.1), y: 0.1 * 3, z: f32(1.4) },
    };
    const xml = archivalOmeXml(archivalImage(noisy));
    for (const written of [
      'LensNA="1.4"',
      'ExcitationWavelength="488.1"',
      'EmissionWavelength="509"',
      'ExposureTime="0.05"',
      'PhysicalSizeX="0.1"',
      'PhysicalSizeY="0.3"',
      'PhysicalSizeZ="1.4"',
    ])
      expect(xml).toContain(written);
  });

  it('an offset without a colon is written as xsd:dateTime wants it', () => {
    const xml = archivalOmeXml(archivalImage({ sources: [], acquired_at: '2019-12-08T20:28:57.9494412+0100' }));
    expect(readBack(xml).acquired_at).toBe('2019-12-08T20:28:57.9494412+01:00');
  });

  it("every vendor fixture's channels and objective come back as they were read (immersion in OME's words)", () => {
    const formats = JSON.parse(readFileSync(path.join(FIXTURES, 'formats/expected.json'), 'utf8')) as object;
    for (const name of Object.keys(formats)) {
      const [acquisition] = vendorCase(name);
      const count = Math.max(1, acquisition.channels?.length ?? 0);
      const back = readBack(archivalOmeXml(archivalImage(acquisition, { sizeC: count })));
      const stated = (acquisition.channels ?? []).map((channel): AcquisitionChannel => {
        // the archival OME-XML does not state a channel's light source (its name, its kind) or filters yet
        const { light_source: _l, light_source_kind: _k, emission_filter: _f, ...named } = channel;
        const { detector_name: _n, dye_excitation_nm: _d, detector_type: _t, ...kept } = named;
        return kept;
      });
      const readChannels = (back.channels ?? []).map(({ detector_type: _t, ...kept }) => kept);
      expect({ name, channels: readChannels }).toEqual({ name, channels: asWritten(stated) });
      const objective = acquisition.objective;
      const immersion = objective?.immersion === undefined ? {} : { immersion: omeImmersion(objective.immersion) };
      expect({ name, objective: back.objective }).toEqual({
        name,
        objective: objective === undefined ? undefined : asWritten({ ...objective, ...immersion }),
      });
      expect({ name, instrument: back.instrument }).toEqual({ name, instrument: acquisition.instrument });
    }
  });
});
