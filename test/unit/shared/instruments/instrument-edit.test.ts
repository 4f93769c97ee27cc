/**
 * Edits applied to a description's text: only the bytes of the value touched change, in the real
 * facility file (compact, one line) and in an indented one, and an edit naming an unknown ID is
 * refused.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyInstrumentEdits, newInstrumentText, readInstrumentDescription } from '../../../../shared/instruments';

const REAL = readFileSync(
  fileURLToPath(new URL('../../../fixtures/instruments/abif_axiovert1_.json', import.meta.url)),
  'utf8',
);
const OBJECTIVE_10X = '23ff36dc-b6b4-4f2d-bb99-81b41eff5150';

const INDENTED = `{
    "Name": "Bench",
    "Schema_ID": "Instrument.json",
    "ID": "i-1",
    "MicroscopeStand": {
        "Manufacturer": "Nikon",
        "Model": "Ti2"
    },
    "components": [
        {
            "Schema_ID": "Objective.json",
            "ID": "o-1",
            "Name": "20x",
            "LensNA": 0.75
        },
        {
            "Schema_ID": "Stage.json",
            "ID": "s-1",
            "Name": "Stage",
            "Travel": [1, 2]
        }
    ],
    "Extra": {"kept": true}
}
`;

const NEW_LED = { Schema_ID: 'Fluorescence_LightSource_LightEmittingDiode.json', ID: 'l-9', Name: 'LED', Tier: 1 };

describe('applyInstrumentEdits', () => {
  it('leaves the real file byte for byte as it was when no edit is made', () => {
    expect(applyInstrumentEdits(REAL, [])).toBe(REAL);
  });

  it('changes only the bytes of the value set, in the compact real file', () => {
    const edited = applyInstrumentEdits(REAL, [
      { op: 'set', target: { id: OBJECTIVE_10X }, key: 'LensNA', value: 0.25 },
    ]);
    const at = REAL.indexOf('"LensNA":0.3,');
    expect(edited).toBe(`${REAL.slice(0, at)}"LensNA":0.25${REAL.slice(at + '"LensNA":0.3'.length)}`);
    const read = readInstrumentDescription(edited, 'a.json').description;
    expect(read?.components.find((c) => c.id === OBJECTIVE_10X)?.na).toBe(0.25);
  });

  it('adds a missing key after the last key of the object, and removes it again to the same bytes', () => {
    const added = applyInstrumentEdits(REAL, [{ op: 'set', target: 'stand', key: 'LotNumber', value: 'L7' }]);
    expect(added).toBe(REAL.replace('"Origin":"Commercial-custom modified"', '$&,"LotNumber":"L7"'));
    expect(applyInstrumentEdits(added, [{ op: 'set', target: 'stand', key: 'LotNumber', value: null }])).toBe(REAL);
  });

  it('appends a component to the compact file and removes it to the same bytes', () => {
    const added = applyInstrumentEdits(REAL, [{ op: 'add', component: NEW_LED }]);
    const end = REAL.lastIndexOf('],"linkedFields"');
    expect(added).toBe(`${REAL.slice(0, end)},${JSON.stringify(NEW_LED)}${REAL.slice(end)}`);
    expect(applyInstrumentEdits(added, [{ op: 'remove', id: 'l-9' }])).toBe(REAL);
  });

  it('follows an indented file: a set key on its own line, an added component indented as the others', () => {
    const edited = applyInstrumentEdits(INDENTED, [
      { op: 'set', target: 'stand', key: 'CatalogNumber', value: 'MEA54000' },
      { op: 'set', target: 'instrument', key: 'Name', value: 'Bench 2' },
      { op: 'add', component: { Schema_ID: 'CCD.json', ID: 'c-1', Name: 'Cam' } },
    ]);
    expect(edited).toBe(
      INDENTED.replace('"Bench"', '"Bench 2"')
        .replace('"Model": "Ti2"', '"Model": "Ti2",\n        "CatalogNumber": "MEA54000"')
        .replace(
          '"Travel": [1, 2]\n        }',
          '"Travel": [1, 2]\n        },\n        {\n            "Schema_ID": "CCD.json",\n            "ID": "c-1",\n            "Name": "Cam"\n        }',
        ),
    );
  });

  it('removes a component with its comma, leaving the unknown ones untouched', () => {
    const edited = applyInstrumentEdits(INDENTED, [{ op: 'remove', id: 'o-1' }]);
    expect(edited).toBe(INDENTED.replace(/ {8}\{\n {12}"Schema_ID": "Objective.json",[^}]*\},\n/, ''));
    expect(JSON.parse(edited).components).toEqual([
      { Schema_ID: 'Stage.json', ID: 's-1', Name: 'Stage', Travel: [1, 2] },
    ]);
    const emptied = applyInstrumentEdits(edited, [{ op: 'remove', id: 's-1' }]);
    expect(JSON.parse(emptied).components).toEqual([]);
    expect(JSON.parse(applyInstrumentEdits(emptied, [{ op: 'add', component: NEW_LED }])).components).toEqual([
      NEW_LED,
    ]);
  });

  it('refuses an edit naming an ID no component has, or text that is not JSON', () => {
    expect(() => applyInstrumentEdits(REAL, [{ op: 'remove', id: 'nope' }])).toThrow('no component has the ID "nope"');
    expect(() => applyInstrumentEdits(REAL, [{ op: 'set', target: { id: 'nope' }, key: 'Name', value: 'x' }])).toThrow(
      'no component has the ID "nope"',
    );
    expect(() => applyInstrumentEdits(REAL, [{ op: 'add', component: { ...NEW_LED, ID: OBJECTIVE_10X } }])).toThrow(
      'already in the description',
    );
    expect(() => applyInstrumentEdits('{"a":', [{ op: 'remove', id: 'x' }])).toThrow('not valid JSON');
  });
});

describe('newInstrumentText', () => {
  it('writes a description in the Micro-Meta App layout that reads without problems', () => {
    const text = newInstrumentText(
      'Scope A',
      { Manufacturer: 'Zeiss', Model: 'LSM 980' },
      { id: 'id-1', standId: 'id-2' },
    );
    expect(text).toBe(
      '{"Name":"Scope A","Schema_ID":"Instrument.json","ID":"id-1","Tier":1,"ModelVersion":"2.01.0",' +
        '"MicroscopeStand":{"Name":"Scope A","ID":"id-2","Tier":1,"ModelVersion":"2.01.0","Manufacturer":"Zeiss","Model":"LSM 980"},' +
        '"components":[]}',
    );
    expect(readInstrumentDescription(text, 'a.json').problems).toEqual([]);
  });
});

describe('the JSON the edits read', () => {
  it('reads escapes and unicode in keys and values, and splices beside them', () => {
    const text =
      '{"Schema_ID":"Instrument.json","components":[{"ID":"a\\"b","Name":"µ \\u00b5 \\\\","Z":[{"k":true},null,-1.5e3]}]}';
    const edited = applyInstrumentEdits(text, [{ op: 'set', target: { id: 'a"b' }, key: 'Name', value: 'ok' }]);
    expect(edited).toBe(text.replace('"µ \\u00b5 \\\\"', '"ok"'));
  });

  it('refuses what is not JSON: a raw control character in a string, text after the value, nesting past its bound', () => {
    const edit = { op: 'remove', id: 'x' } as const;
    expect(() => applyInstrumentEdits('{"a":"tab\there"}', [edit])).toThrow('not valid JSON');
    expect(() => applyInstrumentEdits('{"a":1} {}', [edit])).toThrow('text after the value');
    expect(() => applyInstrumentEdits(`{"a":${'['.repeat(300)}${']'.repeat(300)}}`, [edit])).toThrow('nesting deeper');
    expect(() => applyInstrumentEdits('[1]', [edit])).toThrow('not a JSON object');
  });
});
