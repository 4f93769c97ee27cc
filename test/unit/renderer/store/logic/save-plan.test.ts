import { describe, expect, it } from 'vitest';
import type { FileCalibration, ImageRow } from '../../../../../shared/api';
import { createSidecar } from '../../../../../shared/sidecar';
import { valueEdit } from '../../../../../renderer/src/store/logic/edit-logic';
import { planSave, planSummary } from '../../../../../renderer/src/store/logic/save-plan';
import { makeRow } from '../fake-client';

const OME_HALF_MICRON: FileCalibration = { x: 0.5, y: 0.5, unit: 'um', source: 'ome' };

/** A row without a sidecar whose file declares `calibration`. */
function newRow(path: string, calibration: FileCalibration | null): ImageRow {
  return makeRow(path, {}, { sidecar: 'missing', version: null, fileCalibration: calibration });
}

describe('planSave: created sidecars', () => {
  it('lists every value a created sidecar gets besides the typed ones, as the writer writes it', () => {
    const rows = {
      'a.tif': newRow('a.tif', OME_HALF_MICRON),
      'b.tif': newRow('b.tif', null),
      'c.tif': makeRow('c.tif'),
    };
    const species = { species: valueEdit('species', 'rat', '')! };
    const plan = planSave(rows, { 'a.tif': species, 'b.tif': species, 'c.tif': species });
    expect(plan).toMatchObject({ created: 2, updated: 1 });
    // The header the rows were read with (makeRow's), as the new sidecars record it.
    const header = rows['a.tif'].header!;
    expect(plan.createdValues).toEqual([
      { group: 'accepted', counts: [{ values: { accepted: true }, count: 2 }] },
      {
        group: 'calibration',
        counts: [
          {
            values: { physical_unit_y: 0.5, physical_unit_x: 0.5, physical_label_y: 'um', physical_label_x: 'um' },
            count: 1,
          },
          {
            values: { physical_unit_y: 1, physical_unit_x: 1, physical_label_y: 'Pixels', physical_label_x: 'Pixels' },
            count: 1,
          },
        ],
      },
      { group: 'header', counts: [{ values: header, count: 2 }] },
    ]);
    // the values listed are those the writer puts in the file
    const written = createSidecar(rows['a.tif'].header!, OME_HALF_MICRON, { species: 'rat' });
    const inFile: Record<string, unknown> = { ...written.fieldValues(), ...written.headerValues() };
    const listed = plan.createdValues.map((g) => g.counts[0]!.values);
    for (const values of listed) for (const [name, value] of Object.entries(values)) expect(inFile[name]).toBe(value);
  });

  it('leaves out what was typed, and lists nothing when no sidecar is created', () => {
    const rows = { 'a.tif': newRow('a.tif', null), 'c.tif': makeRow('c.tif') };
    const reject = {
      accepted: valueEdit('accepted', false, true)!,
      physical_label_x: valueEdit('physical_label_x', 'um', 'Pixels')!,
    };
    const created = planSave(rows, { 'a.tif': reject });
    expect(created.createdValues.map((g) => g.group)).toEqual(['calibration', 'header']);
    expect(Object.keys(created.createdValues[0]!.counts[0]!.values)).toEqual([
      'physical_unit_y',
      'physical_unit_x',
      'physical_label_y',
    ]);
    expect(planSave(rows, { 'c.tif': reject }).createdValues).toEqual([]);
  });
});

describe('planSave: Create sidecar', () => {
  it('creates the missing sidecars of the images named, with no edit, only when asked', () => {
    const rows = { 'a.tif': newRow('a.tif', null), 'c.tif': makeRow('c.tif') };
    expect(planSave(rows, {}, ['a.tif', 'c.tif']).saves).toEqual([]);
    const plan = planSave(rows, {}, ['a.tif', 'c.tif'], {}, true);
    expect(plan.saves).toEqual([{ path: 'a.tif', changes: {}, expected: null, create: true }]);
    expect(plan).toMatchObject({ created: 1, updated: 0 });
  });
});

describe('planSummary', () => {
  it('says what the save will do before it writes, in the future tense', () => {
    const rows = { 'a.tif': newRow('a.tif', null), 'b.tif': newRow('b.tif', null), 'c.tif': makeRow('c.tif') };
    const species = { species: valueEdit('species', 'rat', '')! };
    expect(planSummary(planSave(rows, { 'a.tif': species, 'c.tif': species }))).toBe(
      '1 sidecar will be updated, 1 sidecar will be created.',
    );
    const onlyCreated = planSave(rows, {}, ['a.tif', 'b.tif'], {}, true);
    expect(planSummary(onlyCreated)).toBe('2 sidecars will be created.');
    // only creating: nothing was typed, so the review has no changes to list
    expect(onlyCreated.fields).toEqual([]);
  });
});
