import { describe, expect, it } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../shared/api';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import { fromWireEvent, toWireEvent, type WireEvent } from '../../../../shared/wire-rows';

const defaults = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

/** A row with every part a row can have. */
const full: ImageRow = {
  path: 'mouse 3/session 1/cell-07.ome.tif',
  format: 'tiff',
  header: {
    shape: '(3, 512, 512)',
    dims: "('C', 'Y', 'X')",
    sizes: "{'C': 3, 'Y': 512, 'X': 512}",
    dtype: 'uint16',
    num_channels: 3,
    num_scenes: 1,
    date: '2024-05-06',
    time: '07:08:09',
  },
  fileCalibration: { x: 0.21, y: 0.21, unit: 'µm', source: 'ome' },
  sidecar: 'ok',
  version: { size: 2731, mtimeMs: 1715000000123.457, sha256: 'ab'.repeat(32) },
  values: {
    ...defaults,
    species: 'mouse',
    depth: 120.5,
    branch_order: null,
    accepted: false,
    note: 'line 1\n"quoted" ünïcode 🐭',
  },
  errors: ['cell-07.ome.tif.json: pixel size differs from the file (0.21 µm)'],
  profile: 'acqmeta.profile.json',
  profileProblems: [
    { field: 'genotype', rule: 'required', message: 'Genotype is required.' },
    { field: 'species', rule: 'x-synonyms', message: 'Use “mouse”.', suggestion: 'mouse' },
  ],
  absentFields: ['age'],
  results: { 'kymograph/0/diameter_um': 4.2, 'kymograph/0/flow': 'NaN' },
  acquisition: {
    objective: { name: 'Plan-Apochromat 63x/1.40 Oil', magnification: 63, na: 1.4 },
    channels: [{ name: 'DAPI', excitation_nm: 405 }],
    sources: ['ome'],
    origins: { 'objective.na': { flavour: 'ome', key: 'Objective@LensNA' } },
  },
  catalogue: { instrument: 'LSM880', objective: 'LSM880 obj 3' },
};

/** A row with none of the optional parts: another format, no sidecar. */
const bare: ImageRow = {
  path: 'scan_01.oir',
  format: 'oir',
  header: null,
  fileCalibration: null,
  sidecar: 'missing',
  version: null,
  values: defaults,
  errors: [],
  profile: null,
  profileProblems: [],
};

/** The event the page gets after the server sent `event` through the stream (JSON both ways). */
const travel = (event: ApiEvent): ApiEvent =>
  fromWireEvent(JSON.parse(JSON.stringify(toWireEvent(event))) as WireEvent);

describe('rows on browser mode’s event stream', () => {
  it('arrive as they were sent, every part of them, and parts a row lacks stay absent', () => {
    const event: ApiEvent = {
      type: 'scan-rows',
      scanId: 's-1',
      rows: [
        full,
        bare,
        { ...full, sidecar: 'invalid', absentFields: [] },
        // images of a collection, with and without a catalogue match
        { ...bare, path: 'lab.ome.zarr/acq_images/acq_image_000', format: 'ome-zarr', exportedFrom: 'day-1/ls_02.tif' },
        { ...full, path: 'lab.ome.zarr/acq_images/acq_image_001', exportedFrom: 'ls_03.tif' },
      ],
      done: 3,
      total: null,
    };
    const arrived = travel(event);
    expect(arrived).toStrictEqual(event);
    if (arrived.type !== 'scan-rows') throw new Error(arrived.type);
    expect(Object.keys(arrived.rows[1] ?? {})).not.toContain('absentFields');
    expect(Object.keys(arrived.rows[1] ?? {})).not.toContain('results');
    expect(Object.keys(arrived.rows[0]?.values ?? {})).toEqual(EDITABLE_FIELDS.map((f) => f.name));
  });

  it('give the rows whose values are all defaults one shared, frozen object', () => {
    const arrived = travel({
      type: 'scan-rows',
      scanId: 's-1',
      rows: [bare, { ...bare, path: 'b.oir', values: { ...defaults } }, full],
      done: 3,
      total: 3,
    });
    if (arrived.type !== 'scan-rows') throw new Error(arrived.type);
    const [a, b, c] = arrived.rows;
    expect(a?.values).toBe(b?.values);
    expect(Object.isFrozen(a?.values)).toBe(true);
    expect(c?.values).not.toBe(a?.values);
    expect(a?.values).toEqual(defaults);
  });

  it('send each distinct acquisition once, and the rows that shared it share it again', () => {
    const other: ImageRow = { ...full, path: 'other.ome.tif', acquisition: { software: 'ZEN', sources: ['tiff'] } };
    const rows = [full, { ...full, path: 'b.ome.tif' }, other, bare];
    const wire = toWireEvent({ type: 'scan-rows', scanId: 's-1', rows, done: 4, total: 4 });
    expect(JSON.stringify(wire).split('"Plan-Apochromat 63x/1.40 Oil"')).toHaveLength(2);
    const arrived = fromWireEvent(JSON.parse(JSON.stringify(wire)) as WireEvent);
    if (arrived.type !== 'scan-rows') throw new Error(arrived.type);
    expect(arrived.rows.map((row) => row.acquisition)).toEqual(rows.map((row) => row.acquisition));
    expect(arrived.rows[1]?.acquisition).toBe(arrived.rows[0]?.acquisition);
    expect(arrived.rows[3]).not.toHaveProperty('acquisition');
  });

  it('send each distinct header once, and the rows that shared it share it again', () => {
    const other: ImageRow = { ...full, path: 'other.ome.tif', header: { ...full.header!, dtype: 'uint8' } };
    const rows = [full, { ...full, path: 'b.ome.tif' }, other, bare];
    const wire = toWireEvent({ type: 'scan-rows', scanId: 's-1', rows, done: 4, total: 4 });
    expect(JSON.stringify(wire).split(`"{'C': 3, 'Y': 512, 'X': 512}"`)).toHaveLength(3);
    const arrived = fromWireEvent(JSON.parse(JSON.stringify(wire)) as WireEvent);
    if (arrived.type !== 'scan-rows') throw new Error(arrived.type);
    expect(arrived.rows.map((row) => row.header)).toEqual(rows.map((row) => row.header));
    expect(arrived.rows[1]?.header).toBe(arrived.rows[0]?.header);
    expect(arrived.rows[2]?.header).not.toBe(arrived.rows[0]?.header);
    expect(arrived.rows[3]?.header).toBeNull();
  });

  it('send each distinct pair of catalogue names once; a row without one costs no byte for it', () => {
    const objectiveOnly: ImageRow = { ...full, path: 'c.ome.tif', catalogue: { objective: 'LSM880 obj 3' } };
    const rows = [full, { ...full, path: 'b.ome.tif', catalogue: { ...full.catalogue } }, objectiveOnly, bare];
    const wire = toWireEvent({ type: 'scan-rows', scanId: 's-1', rows, done: 4, total: 4 });
    expect(JSON.stringify(wire).split('"LSM880 obj 3"')).toHaveLength(3);
    const arrived = fromWireEvent(JSON.parse(JSON.stringify(wire)) as WireEvent);
    if (arrived.type !== 'scan-rows') throw new Error(arrived.type);
    expect(arrived.rows.map((row) => row.catalogue)).toEqual(rows.map((row) => row.catalogue));
    expect(arrived.rows[1]?.catalogue).toBe(arrived.rows[0]?.catalogue);
    expect(arrived.rows[3]).not.toHaveProperty('catalogue');
    const unmatched = toWireEvent({ type: 'scan-rows', scanId: 's-1', rows: [bare], done: 1, total: 1 });
    if (!('packed' in unmatched)) throw new Error('not packed');
    expect(unmatched.packed[0]).toHaveLength(13);
    expect(unmatched).not.toHaveProperty('catalogues');
  });

  it('take well under half the bytes of the row objects', () => {
    const event: ApiEvent = {
      type: 'scan-rows',
      scanId: 's-1',
      rows: Array.from({ length: 100 }, (_, i) => ({ ...bare, path: `cell-${i}.tif`, format: 'tiff' as const })),
      done: 100,
      total: 100,
    };
    expect(JSON.stringify(toWireEvent(event)).length).toBeLessThan(JSON.stringify(event).length / 2);
  });

  it('leave other events as they are', () => {
    const events: ApiEvent[] = [
      { type: 'scan-done', scanId: 's-1', total: 3 },
      { type: 'scan-cancelled', scanId: 's-1', done: 1 },
    ];
    for (const event of events) {
      expect(toWireEvent(event)).toBe(event);
      expect(travel(event)).toStrictEqual(event);
    }
  });
});
