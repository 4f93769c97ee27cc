/**
 * Each channel's detector matched to the lab's microscopes: by model (case and punctuation
 * aside), by serial number, by the type the microscope holds once; several as candidates, none
 * as not in the catalogue with the detectors of the same type as look-alikes. And the light
 * sources that look alike when no line is within 2 nm.
 */
import { describe, expect, it } from 'vitest';
import type { Acquisition, AcquisitionChannel } from '../../../../shared/acquisition/acquisition-types';
import { matchInstrument, matchLines, type InstrumentDescription } from '../../../../shared/instruments';

const CONFOCAL: InstrumentDescription = {
  file: 'acqmeta.instruments/sp8.json',
  id: 'sp8',
  name: 'SP8 confocal',
  stand: { model: 'TCS SP8' },
  components: [
    { kind: 'detector', schemaId: 'HyD.json', id: 'hyd1', name: 'HyD SMD 1', model: 'HyD SMD' },
    { kind: 'detector', schemaId: 'PMT.json', id: 'pmt1', name: 'PMT 1', serialNumber: 'SN-1234' },
    { kind: 'detector', schemaId: 'PMT.json', id: 'pmt2', name: 'PMT 2' },
    { kind: 'detector', schemaId: 'CCD.json', id: 'ccd', name: 'Transmitted-light camera', model: 'DFC 7000 T' },
    { kind: 'light-source', schemaId: 'Laser.json', id: 'l488', name: 'Argon 488', wavelengths_nm: [488] },
    { kind: 'light-source', schemaId: 'Laser.json', id: 'l552', name: 'DPSS 552', wavelengths_nm: [552] },
  ],
};

const taken = (...channels: AcquisitionChannel[]): Acquisition => ({
  instrument: { model: 'TCS SP8' },
  channels,
  sources: ['lif'],
});

const detectorOf = (acquisition: Acquisition, catalogue = [CONFOCAL]) =>
  matchInstrument(acquisition, catalogue).detectors;

describe('detectors matched per channel', () => {
  it('by the model the file names, ignoring case and punctuation', () => {
    const [match] = detectorOf(taken({ detector_model: 'hyd-smd', detector_type: 'HyD' }));
    expect(match).toMatchObject({ channel: 0, ID: 'hyd1', Name: 'HyD SMD 1', file: CONFOCAL.file });
    expect(match?.evidence).toBe('by the model the file names (hyd-smd)');
  });

  it('by the detector name when the file records no model', () => {
    const [match] = detectorOf(taken({ detector_name: 'PMT 2', detector_type: 'PMT' }));
    expect(match).toMatchObject({ ID: 'pmt2', evidence: 'by the detector name the file names (PMT 2)' });
  });

  it('by serial number when no model fits', () => {
    const [match] = detectorOf(taken({ detector_model: 'R9624', detector_serial: 'sn-1234' }));
    expect(match).toMatchObject({ ID: 'pmt1', evidence: 'by serial number sn-1234' });
  });

  it("by the type when the microscope has exactly one of it (a LIF's HyD 1)", () => {
    const [match] = detectorOf(taken({}, { detector_name: 'HyD 1', detector_type: 'HyD' }));
    expect(match).toMatchObject({ channel: 1, ID: 'hyd1', evidence: "the microscope's only HyD detector" });
  });

  it('two of the type: ambiguous, both candidates, never a guess', () => {
    const [match] = detectorOf(taken({ detector_type: 'PMT' }));
    expect(match?.ID).toBeNull();
    expect(match?.evidence).toBe('the microscope has 2 PMT detectors');
    expect(match?.candidates.map((c) => c.ID)).toEqual(['pmt1', 'pmt2']);
  });

  it('none: not in the catalogue, with the detectors of the same type as look-alikes', () => {
    // a model and serial no detector has, on a microscope with one CCD: the type names it
    expect(
      detectorOf(taken({ detector_model: 'ORCA-Flash4.0', detector_type: 'CCD', detector_serial: '9' }))[0]?.ID,
    ).toBe('ccd');
    expect(detectorOf(taken({ detector_model: 'ORCA-Flash4.0', detector_type: 'PMT' }))[0]).toMatchObject({
      ID: null,
      evidence: 'not in the catalogue: no detector fits what the file records (ORCA-Flash4.0, type PMT)',
    });
    const [line] = matchLines(
      matchInstrument(taken({ detector_model: 'ORCA-Flash4.0', detector_type: 'PMT' }), [CONFOCAL]),
    ).filter((l) => l.label.startsWith('Detector'));
    expect(line).toMatchObject({ label: 'Detector, channel 1', status: 'not in the catalogue' });
    expect(line?.candidates).toEqual(['PMT 1', 'PMT 2']);
  });

  it('a channel that records nothing of its detector has no detector part', () => {
    expect(detectorOf(taken({ name: 'DAPI' }))).toEqual([]);
  });

  it('not looked for on a microscope the catalogue does not hold', () => {
    const [match] = detectorOf({ ...taken({ detector_type: 'HyD' }), instrument: { model: 'Stellaris 8' } });
    expect(match?.evidence).toBe('not looked for: the microscope (Stellaris 8) is not in the catalogue');
  });
});

describe('light sources that look alike', () => {
  it('none within 2 nm: the sources with the nearest line within 20 nm', () => {
    const [near] = matchInstrument(taken({ excitation_nm: 561 }), [CONFOCAL]).light_sources;
    expect(near).toMatchObject({ ID: null, evidence: 'not in the catalogue: no light source has a line at 561 nm' });
    expect(near?.candidates.map((c) => c.Name)).toEqual(['DPSS 552']);
    const [far] = matchInstrument(taken({ excitation_nm: 640 }), [CONFOCAL]).light_sources;
    expect(far?.candidates).toEqual([]);
  });
});
