import abif from '../../../fixtures/instruments/abif_axiovert1_.json';
import { describe, expect, it } from 'vitest';
import type { InstrumentComponentSpec, InstrumentFieldSpec } from '../../../../shared/api-instruments';
import {
  componentGroups,
  descriptionTier,
  isRequired,
  newDescriptionFile,
  problemPlace,
  problemsAt,
  shownDescription,
  typedValue,
  withCellEdit,
} from '../../../../renderer/src/instruments/instrument-grid';

/** A real facility's description (test/fixtures/SOURCES.md), as one line of JSON. */
const ABIF = JSON.stringify(abif);
const FILE = 'acqmeta.instruments/abif.json';
/** The 100× objective, whose name says NA 1.40 and whose LensNA is 1.3. */
const O100 = 'eb0b91b8-e884-4860-a389-a5fe8fb952c7';

const NA: InstrumentFieldSpec = { key: 'LensNA', label: 'Lens NA', type: 'number', requiredFromTier: 1 };
const WD: InstrumentFieldSpec = {
  key: 'WorkingDistance',
  label: 'Working distance',
  type: 'number',
  unit: 'mm',
  requiredFromTier: 2,
};
const OBJECTIVE: InstrumentComponentSpec = {
  schemaId: 'Objective.json',
  kind: 'objective',
  label: 'Objective',
  fields: [NA],
};

describe('a description shown as its edits leave it', () => {
  it('is checked by the shared checks: the file as read, then as edited', () => {
    const read = shownDescription(FILE, ABIF, []);
    expect(read.text).toBe(ABIF);
    expect(problemsAt(read.problems, 'MicroscopeStand.CatalogNumber')).toEqual([
      expect.objectContaining({ placeholder: '999', severity: 'warning' }),
    ]);
    expect(problemsAt(read.problems, 'components[24].LensNA')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('says NA 1.4') }),
    ]);

    const fixed = shownDescription(FILE, ABIF, [{ op: 'set', target: { id: O100 }, key: 'LensNA', value: 1.4 }]);
    expect(fixed.text).toBe(ABIF.replace('"LensNA":1.3,', '"LensNA":1.4,'));
    expect(problemsAt(fixed.problems, 'components[24].LensNA')).toEqual([]);

    const wrong = shownDescription(FILE, ABIF, [{ op: 'set', target: { id: O100 }, key: 'LensNA', value: 14 }]);
    expect(problemsAt(wrong.problems, 'components[24].LensNA').map((p) => p.message)).toContain(
      '14 is not a numerical aperture (above 0, at most 1.7)',
    );
  });

  it('says so when an edit cannot be applied, and shows nothing of it', () => {
    const shown = shownDescription(FILE, ABIF, [{ op: 'remove', id: 'no-such-id' }]);
    expect(shown.text).toBeNull();
    expect(shown.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('no-such-id') }),
    ]);
  });

  it('offers no editing of a file that writes a key twice, and says where', () => {
    const twice = ABIF.replace('"LensNA":1.3,', '"LensNA":1.3,"LensNA":1.4,');
    const shown = shownDescription(FILE, twice, []);
    expect(shown.root).toBeNull();
    expect(problemsAt(shown.problems, 'components[24].LensNA')).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('is written twice') }),
    );
    const edited = shownDescription(FILE, twice, [{ op: 'set', target: { id: O100 }, key: 'Name', value: 'x' }]);
    expect(edited.text).toBeNull();
  });

  it('groups the components by type, the types the editor does not offer apart', () => {
    const { root } = shownDescription(FILE, ABIF, []);
    const { groups, others } = componentGroups(root, [OBJECTIVE]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.rows.map((r) => r.at)).toEqual([20, 21, 22, 23, 24].map((i) => `components[${i}]`));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.Schema_ID !== 'Objective.json')).toBe(true);
  });

  it('marks the fields the description’s tier requires', () => {
    const { root } = shownDescription(FILE, ABIF, []);
    expect(descriptionTier(root)).toBe(3);
    expect(descriptionTier({})).toBe(1);
    expect(isRequired(WD, 1)).toBe(false);
    expect(isRequired(WD, 3)).toBe(true);
  });
});

describe('a problem’s place in words', () => {
  it('names the component by its type and name, and the stand', () => {
    const { root } = shownDescription(FILE, ABIF, []);
    expect(problemPlace(root, 'components[24].LensNA', [OBJECTIVE])).toBe(
      'Objective “100X PLAN APOCHROMAT, NA=1.40, OIL, DIC” · LensNA',
    );
    expect(problemPlace(root, 'components[24]', [OBJECTIVE])).toBe(
      'Objective “100X PLAN APOCHROMAT, NA=1.40, OIL, DIC”',
    );
    expect(problemPlace(root, 'components[0].Version', [])).toMatch(/^[A-Za-z_]+ “Zen” · Version$/);
    expect(problemPlace(root, 'MicroscopeStand.CatalogNumber', [])).toBe('Stand · CatalogNumber');
    expect(problemPlace(root, 'components[999].Model', [])).toBe('components[999].Model');
  });
});

describe('a typed cell', () => {
  it('takes numbers only in a number field, and empty removes the key', () => {
    expect(typedValue(NA, ' 1.4 ')).toEqual({ value: 1.4, error: null });
    expect(typedValue(NA, '1,4')).toEqual({ value: 1.4, error: null });
    expect(typedValue(NA, '')).toEqual({ value: null, error: null });
    expect(typedValue(NA, '1.4x')).toEqual({ error: 'Lens NA: “1.4x” is not a number (numbers only)' });
    expect(typedValue(WD, 'abc')).toEqual({ error: 'Working distance: “abc” is not a number (numbers only, in mm)' });
    expect(typedValue({ key: 'Model', label: 'Model', type: 'text' }, ' Plan Apo ')).toEqual({
      value: 'Plan Apo',
      error: null,
    });
  });

  it('replaces its earlier edit, and leaves none when typed back to the value read', () => {
    const first = withCellEdit([], { id: 'o1' }, 'LensNA', 1.4, 1.3);
    expect(first).toEqual([{ op: 'set', target: { id: 'o1' }, key: 'LensNA', value: 1.4 }]);
    const second = withCellEdit(first, { id: 'o1' }, 'LensNA', 1.45, 1.3);
    expect(second).toEqual([{ op: 'set', target: { id: 'o1' }, key: 'LensNA', value: 1.45 }]);
    expect(withCellEdit(second, { id: 'o1' }, 'LensNA', 1.3, 1.3)).toEqual([]);
    expect(withCellEdit([], 'stand', 'LotNumber', null, undefined)).toEqual([]);
  });
});

describe('a new description’s file', () => {
  it('is named after the microscope, numbered when taken', () => {
    const folder = 'acqmeta.instruments';
    expect(newDescriptionFile(folder, 'LSM 880 (room 2)', [])).toBe(`${folder}/lsm-880-room-2.json`);
    expect(newDescriptionFile(folder, 'Zeiss Axiovert', [`${folder}/zeiss-axiovert.json`])).toBe(
      `${folder}/zeiss-axiovert-2.json`,
    );
    expect(newDescriptionFile(folder, '— ', [])).toBe(`${folder}/microscope.json`);
    expect(newDescriptionFile(folder, 'Mikroskop Ölimmersion', [])).toBe(`${folder}/mikroskop-olimmersion.json`);
    // names Windows keeps for its devices: `con.json` is the console there, not a file
    expect(newDescriptionFile(folder, 'Con', [])).toBe(`${folder}/con-microscope.json`);
    expect(newDescriptionFile(folder, 'LPT1', [])).toBe(`${folder}/lpt1-microscope.json`);
    expect(newDescriptionFile(folder, 'NUL ', [`${folder}/nul-microscope.json`])).toBe(
      `${folder}/nul-microscope-2.json`,
    );
    expect(newDescriptionFile(folder, 'Console', [])).toBe(`${folder}/console.json`);
  });
});
