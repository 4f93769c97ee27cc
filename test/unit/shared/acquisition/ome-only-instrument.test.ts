/** OME-XML whose image names no Instrument or Objective: the only one there is, said so in its origin. */
import { describe, expect, it } from 'vitest';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { parseXml } from '../../../../shared/tiff/xml';

const OBJECTIVE = (id: string, model: string) =>
  `<Objective ID="${id}" Model="${model}" NominalMagnification="40" LensNA="1.3" Immersion="Oil"/>`;
const INSTRUMENT = (id: string, objectives: string) =>
  `<Instrument ID="${id}"><Microscope Manufacturer="Zeiss" Model="Axio Observer"/>${objectives}</Instrument>`;

/** The acquisition of a document holding `instruments` and one image with `imageRefs`. */
function read(instruments: string, imageRefs = ''): ReturnType<typeof omeAcquisition> {
  const xml = `<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">${instruments}<Image ID="Image:0">${imageRefs}<Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" SizeX="1" SizeY="1" SizeC="1" SizeZ="1" SizeT="1"/></Image></OME>`;
  const root = parseXml(xml);
  if (root === null) throw new Error('not XML');
  return omeAcquisition(root);
}

describe('an instrument or objective the image does not name', () => {
  it('is the only Instrument and its only Objective: both are used, and their origins say why', () => {
    const acquisition = read(INSTRUMENT('Instrument:0', OBJECTIVE('Objective:0', 'EC Plan-Neofluar 40x/1.30 Oil')));
    expect(acquisition.instrument).toEqual({ manufacturer: 'Zeiss', model: 'Axio Observer' });
    expect(acquisition.objective).toEqual({
      name: 'EC Plan-Neofluar 40x/1.30 Oil',
      magnification: 40,
      na: 1.3,
      immersion: 'Oil',
    });
    expect(acquisition.origins?.['instrument.model']?.key).toBe(
      'Instrument (the only one; the image names none)/Microscope@Model',
    );
    expect(acquisition.origins?.['objective.na']?.key).toBe('Objective (the only one; the image names none)@LensNA');
  });

  it('is one of several: none is guessed', () => {
    const two =
      INSTRUMENT('Instrument:0', OBJECTIVE('Objective:0', 'A')) +
      INSTRUMENT('Instrument:1', OBJECTIVE('Objective:1', 'B'));
    const acquisition = read(two);
    expect(acquisition.instrument).toBeUndefined();
    expect(acquisition.objective).toBeUndefined();
  });

  it('is one of the named instrument’s several objectives: none is guessed', () => {
    const instrument = INSTRUMENT('Instrument:0', OBJECTIVE('Objective:0', 'A') + OBJECTIVE('Objective:1', 'B'));
    const acquisition = read(instrument, '<InstrumentRef ID="Instrument:0"/>');
    expect(acquisition.instrument?.model).toBe('Axio Observer');
    expect(acquisition.origins?.['instrument.model']?.key).toBe('Instrument/Microscope@Model');
    expect(acquisition.objective).toBeUndefined();
  });

  it('is named but not there: nothing is taken from another', () => {
    const acquisition = read(
      INSTRUMENT('Instrument:0', OBJECTIVE('Objective:0', 'A')),
      '<InstrumentRef ID="Instrument:9"/>',
    );
    expect(acquisition.instrument).toBeUndefined();
    expect(acquisition.objective).toBeUndefined();
  });
});
