/**
 * Reading the Micro-Meta App's microscope descriptions: a real file from a core facility, and
 * the hostile ones a shared folder may hold.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_INSTRUMENT_BYTES, readInstrumentDescription } from '../../../../shared/instruments';

const FILE = 'abif_axiovert1_.json';
const AXIOVERT = readFileSync(fileURLToPath(new URL(`../../../fixtures/instruments/${FILE}`, import.meta.url)), 'utf8');

describe('a Micro-Meta App description', () => {
  it('reads the stand and the components of a real facility file, typed by Schema_ID', () => {
    const { description } = readInstrumentDescription(AXIOVERT, FILE);
    expect(description).toMatchObject({ name: 'ABIF Axiovert1', modelVersion: '2.01.0', tier: 3 });
    expect(description?.stand).toEqual({ manufacturer: 'Zeiss', model: 'Axio Observer Z1', catalogNumber: '999' });
    const objectives = description?.components.filter((c) => c.kind === 'objective') ?? [];
    expect(objectives.map((o) => [o.magnification, o.na, o.immersion])).toEqual([
      [10, 0.3, 'Air'],
      [20, 0.8, 'Air'],
      [40, 0.6, 'Air'],
      [63, 1.4, 'Mineral Oil'],
      [100, 1.3, 'Mineral Oil'],
    ]);
    const kinds = new Set(description?.components.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(
      [
        'detector',
        'dichroic',
        'emission-filter',
        'excitation-filter',
        'filter-cube',
        'light-source',
        'objective',
        'other',
        'software',
      ].sort(),
    );
    const camera = description?.components.find((c) => c.kind === 'detector');
    expect(camera).toMatchObject({ name: 'Axiocam 506', pixel_size_um: 4.54 });
    const dapi = description?.components.find((c) => c.name === 'BP 445/50 - DAPI emission filter');
    expect(dapi?.bands).toEqual([{ centre_nm: 445, width_nm: 50 }]);
    const led = description?.components.find((c) => c.name === 'X-Cite light source');
    expect(led?.wavelengths_nm).toEqual([535]);
    const cube = description?.components.find((c) => c.name === 'FS 49 - DAPI filter cube');
    expect(cube?.parts).toHaveLength(3);
  });

  it('flags the placeholders and the objective whose name and NA disagree, and nothing else', () => {
    const { problems } = readInstrumentDescription(AXIOVERT, FILE);
    expect(problems.every((p) => p.file === FILE && p.severity === 'warning')).toBe(true);
    const placeholders = problems.filter((p) => p.message.includes('placeholder'));
    expect(placeholders.length).toBeGreaterThan(20);
    expect(placeholders.map((p) => p.at)).toContain('MicroscopeStand.CatalogNumber');
    expect(problems.filter((p) => !p.message.includes('placeholder')).map((p) => [p.at, p.message])).toEqual([
      ['components[24].LensNA', 'is 1.3, but the name "100X PLAN APOCHROMAT, NA=1.40, OIL, DIC" says NA 1.4'],
    ]);
  });
});

describe('a hostile description', () => {
  const read = (value: unknown) => readInstrumentDescription(JSON.stringify(value), 'bad.json');
  const instrument = (components: unknown[]) => ({ Schema_ID: 'Instrument.json', Name: 'x', ID: 'i', components });

  it('is refused with a reason naming the file when it is not a description', () => {
    expect(readInstrumentDescription('{"Schema_ID": "Instr', 'bad.json').problems[0]?.message).toMatch(
      /^not valid JSON/,
    );
    expect(read([1, 2]).problems[0]).toMatchObject({ file: 'bad.json', at: '', message: 'not a JSON object' });
    expect(read({ Schema_ID: 'Objective.json' }).problems[0]?.message).toMatch(/"Instrument.json"/);
    expect(read({ Schema_ID: 'Instrument.json', components: {} }).problems[0]).toMatchObject({ at: 'components' });
    const huge = `{"Schema_ID":"Instrument.json","Name":"${'x'.repeat(MAX_INSTRUMENT_BYTES)}"}`;
    expect(readInstrumentDescription(huge, 'bad.json')).toMatchObject({ description: null });
  });

  it('keeps unknown types, leaves wrong values out with a warning, and names circles and lost references', () => {
    const { description, problems } = read(
      instrument([
        { Schema_ID: 'TimeMachine.json', ID: 'a', Name: 'Flux' },
        { Schema_ID: 'Objective.json', ID: 'b', Name: 'obj', LensNA: 'wide', Magnification: -4 },
        {
          Schema_ID: 'FilterCube.json',
          ID: 'c',
          Name: 'cube',
          FilterCube: 'FilterCube/d',
          EmissionFilter: 'EmissionFilter/zz',
        },
        { Schema_ID: 'FilterCube.json', ID: 'd', Name: 'cube 2', FilterCube: 'FilterCube/c' },
        {
          Schema_ID: 'ExcitationFilter.json',
          ID: 'a',
          Name: 'twin',
          TransmittanceRange: [{ Wavelength: 0.488, FWHMBandwidth: 0.01 }],
        },
        'not a component',
      ]),
    );
    expect(description?.components.map((c) => c.kind)).toEqual([
      'other',
      'objective',
      'filter-cube',
      'filter-cube',
      'excitation-filter',
    ]);
    expect(problems.map((p) => `${p.severity} ${p.at}: ${p.message}`)).toEqual([
      'warning components[1].LensNA: is not a number; left out',
      'error components[5]: is not an object; left out',
      'warning components[1].Magnification: -4: a magnification is above 0',
      'warning components[4]: wavelength 0.488 is outside 200–2500 nm: wavelengths are given in nm',
      'error components[4].ID: a is also the ID of components[0]',
      'warning components[2]: refers to zz, which no component has',
      'error components[3]: references go round in a circle: cube → cube 2 → cube',
    ]);
  });
});
