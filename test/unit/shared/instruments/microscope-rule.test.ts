/**
 * The lab's rule "this folder is this microscope" (a profile's `x-microscope`): in force even
 * when the file names no model, a contradicting model shown as a warning, a name the catalogue
 * does not hold a problem at /x-microscope with the name probably meant.
 */
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import { matchInstrument, ruleProblem, type InstrumentDescription } from '../../../../shared/instruments';
import { WIDEFIELD } from './widefield';

const CONFOCAL: InstrumentDescription = {
  file: 'acqmeta.instruments/sp8.json',
  id: 'sp8',
  name: 'SP8 confocal',
  stand: { model: 'TCS SP8' },
  components: [{ kind: 'detector', schemaId: 'HyD.json', id: 'hyd', name: 'HyD 1' }],
};
const CATALOGUE = [WIDEFIELD, CONFOCAL];
const rule = (microscope: string) => ({ microscope, profile: 'lab/acqmeta.profile.json' });
const unnamed: Acquisition = { channels: [{ excitation_nm: 488, detector_type: 'HyD' }], sources: ['tiff'] };

describe("the lab's rule: this folder is this microscope", () => {
  it('in force: the microscope by the rule though the file names no model, its parts looked for on it alone', () => {
    const match = matchInstrument(unnamed, CATALOGUE, rule('SP8 confocal'));
    expect(match.instrument).toEqual({
      ID: 'sp8',
      Name: 'SP8 confocal',
      file: 'acqmeta.instruments/sp8.json',
      evidence: "by the lab's rule in lab/acqmeta.profile.json",
      candidates: [],
    });
    // the 488 nm laser is the widefield's: not on the microscope the rule names
    expect(match.light_sources[0]?.ID).toBeNull();
    expect(match.detectors[0]).toMatchObject({ ID: 'hyd', evidence: "the microscope's only HyD detector" });
    expect(match.warnings).toEqual([]);
    // without the rule the file's image is matched against every microscope
    expect(matchInstrument(unnamed, CATALOGUE).instrument).toBeNull();
  });

  it('names a microscope by its file name too', () => {
    expect(matchInstrument(unnamed, CATALOGUE, rule('sp8.json')).instrument?.ID).toBe('sp8');
    expect(matchInstrument(unnamed, CATALOGUE, rule('widefield')).instrument?.ID).toBe('wf');
  });

  it('contradicted by the model the file names: kept, and a warning says so', () => {
    const taken: Acquisition = { ...unnamed, instrument: { model: 'Axio Observer 7' } };
    const match = matchInstrument(taken, CATALOGUE, rule('SP8 confocal'));
    expect(match.instrument?.ID).toBe('sp8');
    expect(match.warnings).toEqual([
      "the file names the microscope Axio Observer 7, but the lab's rule in lab/acqmeta.profile.json says SP8 confocal (a TCS SP8): check which microscope took the image",
    ]);
    // the same model as the rule's microscope: no warning
    const agreeing = { ...unnamed, instrument: { model: 'tcs-sp8' } };
    expect(matchInstrument(agreeing, CATALOGUE, rule('SP8 confocal')).warnings).toEqual([]);
  });

  it('an unknown name: a problem at /x-microscope with the name probably meant; the rule is not applied', () => {
    expect(ruleProblem(rule('SP8 confocl'), CATALOGUE)).toEqual({
      file: 'lab/acqmeta.profile.json',
      at: '/x-microscope',
      message:
        '"x-microscope" "SP8 confocl" names no microscope of the catalogue (did you mean "SP8 confocal"?); known: Widefield 1, widefield, SP8 confocal, sp8; the rule is not applied',
      severity: 'error',
    });
    expect(ruleProblem(rule('SP8 confocal'), CATALOGUE)).toBeNull();
    expect(matchInstrument(unnamed, CATALOGUE, rule('SP8 confocl')).instrument).toBeNull();
  });
});
