/**
 * A description drafted from what a real file records: an OME-XML `Instrument` block (stand,
 * objective, a channel's excitation and the kind of its light source), a CZI's LED, read back as
 * a description with no problems; a file that records no hardware gives no draft.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { readVendorHeader } from '../../../../shared/formats';
import { draftInstrument, instrumentSpecs, readInstrumentDescription } from '../../../../shared/instruments';
import { parseXml } from '../../../../shared/tiff/xml';
import { fixtureBytes, recordingSource } from '../formats/vendor-source';

const omeFixture = (name: string) => {
  const text = readFileSync(
    fileURLToPath(new URL(`../../../fixtures/acquisition/ome-xml/${name}`, import.meta.url)),
    'utf8',
  );
  const root = parseXml(text);
  if (root === null) throw new Error(`${name} is not XML`);
  return omeAcquisition(root);
};

/** IDs in order: `id-1`, `id-2`, … */
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('draftInstrument', () => {
  it("drafts an OME file's Instrument block: the stand, its objective, the laser of its excitation line", () => {
    const draft = draftInstrument(omeFixture('ometypes_instrument.ome.xml'), counter());
    expect(draft.components).toEqual([
      {
        Name: '60xUV-Air',
        Schema_ID: 'Objective.json',
        ID: 'id-1',
        Tier: 1,
        ModelVersion: '2.01.0',
        Model: '60xUV-Air',
        Magnification: 60,
        LensNA: 1.2,
        ImmersionType: 'Air',
      },
      {
        Name: '510 nm',
        Schema_ID: 'Fluorescence_LightSource_Laser.json',
        ID: 'id-2',
        Tier: 1,
        ModelVersion: '2.01.0',
        Wavelength: 510,
      },
      {
        Name: 'Standard CCD Mk2',
        Schema_ID: 'CCD.json',
        ID: 'id-3',
        Tier: 1,
        ModelVersion: '2.01.0',
        Manufacturer: 'OME Detectors',
        Model: 'Standard CCD Mk2',
      },
    ]);
    const read = readInstrumentDescription(draft.text ?? '', 'draft.json');
    expect(read.problems).toEqual([]);
    expect(read.description).toMatchObject({
      id: 'id-4',
      name: 'OME Insturuments Lab Mk3',
      stand: { manufacturer: 'OME Insturuments', model: 'Lab Mk3' },
    });
    expect(read.description?.components.map((c) => [c.kind, c.na ?? c.wavelengths_nm])).toEqual([
      ['objective', 1.2],
      ['light-source', [510]],
      ['detector', undefined],
    ]);
  });

  it('drafts each detector the channels name once, typed by its recorded type or its name', () => {
    const draft = draftInstrument(
      {
        sources: ['lif'],
        channels: [
          { detector_name: 'HyD 1', detector_type: 'HyD' },
          { detector_name: 'HyD 1', detector_type: 'HyD' },
          { detector_name: 'PmtSPI1' },
          { detector_name: 'Cam', detector_model: 'ORCA', detector_serial: '42', detector_type: 'sCMOS' },
          { detector_name: 'iXon', detector_type: 'EMCCD' },
          { detector_name: 'Pco', detector_type: 'IntensifiedCCD' },
          { detector_name: 'Internal', detector_model: 'TestCam' },
        ],
      },
      counter(),
    );
    expect(draft.components.map((c) => [c.Name, c.Schema_ID, c.Type, c.SerialNumber])).toEqual([
      ['HyD 1', 'HybridPhotoDetector.json', undefined, undefined],
      ['PmtSPI1', 'PhotoMultiplierTube.json', undefined, undefined],
      ['Cam', 'CMOS.json', 'Scientific', '42'],
      ['iXon', 'CCD.json', 'EMCCD', undefined],
      ['Pco', 'CCD.json', 'Other', undefined],
      ['Internal', 'GenericDetector.json', undefined, undefined],
    ]);
    // the types drafted are the ones the editor offers, with the schema's choices
    const specs = instrumentSpecs().components;
    for (const { Schema_ID, Type } of draft.components.slice(0, 5)) {
      const spec = specs.find((c) => c.schemaId === Schema_ID);
      expect(spec).toBeDefined();
      if (Type !== undefined) expect(spec?.fields.find((f) => f.key === 'Type')?.choices).toContain(Type);
    }
    expect(draft.notes).toEqual([
      'the file does not say what kind of detector "Internal" is: drafted as a generic detector, which the editor does not offer and the camera check cannot use; add the right type of detector in its place',
    ]);
    expect(readInstrumentDescription(draft.text ?? '', 'draft.json').problems).toEqual([]);
  });

  it('drafts each light source as the kind the file says, a generic one only where it says none', () => {
    const draft = draftInstrument(
      {
        sources: ['czi'],
        channels: [
          { excitation_nm: 385, light_source_kind: 'LightEmittingDiode' },
          { excitation_nm: 561, light_source_kind: 'Laser' },
          { excitation_nm: 561, light_source_kind: 'Laser' },
          { excitation_nm: 550, light_source_kind: 'Arc' },
          { excitation_nm: 470, light_source_kind: 'Filament' },
          { excitation_nm: 640 },
        ],
      },
      counter(),
    );
    expect(draft.components.map((c) => [c.Name, c.Schema_ID, c.Wavelength])).toEqual([
      ['385 nm', 'Fluorescence_LightSource_LightEmittingDiode.json', undefined],
      ['470 nm', 'Fluorescence_LightSource_Filament.json', undefined],
      ['550 nm', 'Fluorescence_LightSource_Arc.json', undefined],
      ['561 nm', 'Fluorescence_LightSource_Laser.json', 561],
      ['640 nm', 'Fluorescence_LightSource_GenericExcitationSource.json', 640],
    ]);
    // the specific kinds are ones the editor offers
    const offered = new Set(instrumentSpecs().components.map((c) => c.schemaId));
    for (const { Schema_ID } of draft.components.slice(0, 4)) expect(offered.has(Schema_ID as string)).toBe(true);
    expect(draft.notes).toEqual([
      'the file does not say whether a laser, an LED or a lamp gave the 640 nm light: drafted as a generic excitation source, which the editor does not offer; add the right type of light source in its place',
    ]);
    expect(readInstrumentDescription(draft.text ?? '', 'draft.json').problems).toEqual([]);
  });

  it('drafts the LED of a real CZI file as an LED', () => {
    const source = recordingSource(fixtureBytes('czi/czitools_WellD6_S1.czi'));
    const { acquisition } = readVendorHeader(source, 'czitools_WellD6_S1.czi');
    const lights = draftInstrument(acquisition, counter()).components.filter((c) =>
      String(c.Schema_ID).startsWith('Fluorescence_LightSource'),
    );
    expect(lights.map((c) => c.Schema_ID)).toEqual(['Fluorescence_LightSource_LightEmittingDiode.json']);
  });

  it('writes no floating-point noise of the numbers the file recorded', () => {
    const draft = draftInstrument(
      {
        sources: ['czi'],
        objective: { magnification: 63.00000000000001, na: 1.399999976158142 },
        channels: [{ excitation_nm: 488.00000000000006, emission_nm: 509.99999999999994 }],
      },
      counter(),
    );
    expect(draft.components.map((c) => [c.Name, c.Magnification ?? c.Wavelength, c.LensNA])).toEqual([
      ['63x NA 1.4', 63, 1.4],
      ['488 nm', 488, undefined],
    ]);
    expect(draft.text).toContain('"LensNA":1.4}');
    expect(draft.text).not.toMatch(/0000|9999/);
    expect(draft.notes[0]).toBe('channel 1 records an emission of 510 nm; the file does not describe its filter');
  });

  it("takes the objective's correction class from its name, in the schema's names", () => {
    const correction = (name: string) =>
      draftInstrument({ sources: ['czi'], objective: { name } }, counter()).components[0]?.Correction;
    expect(correction('Plan-Apochromat 20x/0.8 M27')).toBe('PlanApochromat');
    expect(correction('Plan Apo λ 60x')).toBe('PlanApo');
    expect(correction('EC Plan-Neofluar 40x/1.30 Oil DIC M27')).toBe('PlanNeofluar');
    expect(correction('HC PL APO CS2 63x/1.30 GLYC')).toBeUndefined();
    const choices = instrumentSpecs()
      .components.find((c) => c.schemaId === 'Objective.json')
      ?.fields.find((f) => f.key === 'Correction')?.choices;
    expect(choices).toEqual(expect.arrayContaining(['PlanApochromat', 'PlanApo', 'PlanNeofluar']));
  });

  it('names an immersion the schema does not know, and gives no draft of a file without hardware', () => {
    const draft = draftInstrument(
      { sources: ['ome'], objective: { magnification: 10, immersion: 'Honey' } },
      counter(),
    );
    expect(draft.notes).toEqual(['the objective\'s immersion "Honey" is not one the schema names']);
    expect(draft.components[0]).toMatchObject({ Name: '10x', Magnification: 10 });
    expect(draft.components[0]).not.toHaveProperty('ImmersionType');
    expect(draftInstrument({ sources: ['tiff'] })).toEqual({
      text: null,
      components: [],
      notes: ['the file records no microscope hardware'],
    });
  });
});
