import { describe, expect, it } from 'vitest';
import {
  batchesOfPaths,
  filterBatches,
  journalBatches,
  localDay,
  NO_TIMELINE_FILTER,
  timelineChoices,
} from '../../../../renderer/src/journal/journal-batches';
import { journalRecord } from '../store/journal-records';

const importTime = '2025-03-10T09:00:00.000Z';
const records = [
  journalRecord('a.tif', [{ field: 'genotype', old: '', new: 'WT' }], {
    batch: 'import',
    time: importTime,
    tool: 'acqmeta',
    action: 'import annotations.csv',
  }),
  journalRecord(
    'b.tif',
    [
      { field: 'condition', old: '', new: 'KO' },
      { field: 'genotype', old: '', new: 'WT' },
    ],
    {
      batch: 'import',
      time: importTime,
      tool: 'acqmeta',
      action: 'import annotations.csv',
    },
  ),
  journalRecord('a.tif', [{ field: 'species', old: '', new: 'mouse' }], {
    batch: 'save',
    time: '2025-03-12T14:03:00.000Z',
    user: 'bob',
    action: 'Species',
  }),
  journalRecord('b.tif', [{ field: 'depth', old: null, new: 80 }], {
    batch: 'save',
    time: '2025-03-12T14:03:01.000Z',
    user: 'bob',
    action: 'Depth',
  }),
];

describe('journal batches', () => {
  it('groups records by batch, newest first, with their people, actions, images and fields', () => {
    expect(journalBatches(records)).toEqual([
      {
        id: 'save',
        time: '2025-03-12T14:03:00.000Z',
        people: ['bob@lab-pc'],
        tool: 'AcqMeta',
        actions: ['Species', 'Depth'],
        name: 'Species · Depth',
        paths: ['a.tif', 'b.tif'],
        fields: ['species', 'depth'],
      },
      {
        id: 'import',
        time: importTime,
        people: ['ada@lab-pc'],
        tool: 'acqmeta',
        actions: ['import annotations.csv'],
        name: 'import annotations.csv',
        paths: ['a.tif', 'b.tif'],
        fields: ['genotype', 'condition'],
      },
    ]);
  });

  it('names an action that created sidecars for it, not for its Save button', () => {
    const created = (path: string) => ({ ...journalRecord(path, [], { batch: 'new', action: 'Save' }), before: null });
    expect(journalBatches([created('a.tif'), created('b.tif')])[0]?.name).toBe('Create 2 sidecars');
    const edited = journalRecord('c.tif', [{ field: 'age', old: '', new: 'P30' }], { batch: 'new', action: 'Save' });
    expect(journalBatches([created('a.tif'), created('b.tif'), edited])[0]?.name).toBe('Create 2 sidecars, edit 1');
  });

  it('keeps the batches that wrote one of a selection’s images', () => {
    const more = [...records, journalRecord('c.tif', [{ field: 'age', old: '', new: 'P30' }], { batch: 'c-only' })];
    expect(batchesOfPaths(journalBatches(more), ['c.tif']).map((b) => b.id)).toEqual(['c-only']);
    expect(batchesOfPaths(journalBatches(more), ['b.tif']).map((b) => b.id)).toEqual(['save', 'import']);
  });

  it('filters by field, person and local day, and offers the fields and people there are', () => {
    const batches = journalBatches(records);
    const ids = (filter: Partial<typeof NO_TIMELINE_FILTER>) =>
      filterBatches(batches, { ...NO_TIMELINE_FILTER, ...filter }).map((b) => b.id);
    expect(ids({})).toEqual(['save', 'import']);
    expect(ids({ field: 'condition' })).toEqual(['import']);
    expect(ids({ person: 'bob@lab-pc' })).toEqual(['save']);
    const saveDay = localDay('2025-03-12T14:03:00.000Z');
    expect(ids({ from: saveDay })).toEqual(['save']);
    expect(ids({ to: localDay(importTime) })).toEqual(['import']);
    expect(ids({ from: saveDay, field: 'condition' })).toEqual([]);
    expect(timelineChoices(batches)).toEqual({
      fields: ['species', 'genotype', 'depth', 'condition'],
      people: ['ada@lab-pc', 'bob@lab-pc'],
    });
  });

  it('says what another program left of the sidecars it damaged or deleted, each once', () => {
    const outside = { batch: 'outside', tool: 'another program', action: 'changed outside AcqMeta' };
    const more = [
      journalRecord('a.tif', [], { ...outside, damaged: 'not valid JSON: the file is empty (line 1, column 1)' }),
      journalRecord('b.tif', [], { ...outside, damaged: 'not valid JSON: the file is empty (line 1, column 1)' }),
      journalRecord('c.tif', [], { ...outside, after: null, deleted: true }),
    ];
    expect(journalBatches(more)[0]?.damage).toEqual([
      'damaged: not valid JSON: the file is empty (line 1, column 1)',
      'deleted',
    ]);
  });
});
