import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileInfo, ProfileProblem, ValuesToCheck } from '../../../../shared/api';
import { fieldViewState } from '../store/edit-view';
import { selectQuickCounts, selectUndoLabels, selectVisiblePaths } from '../../../../renderer/src/store';
import { PROBLEM_CHECK_DELAY_MS } from '../../../../renderer/src/profile/profile-slice';
import {
  selectCompleteness,
  selectFieldProblems,
  selectFieldRules,
  selectValueCounts,
} from '../../../../renderer/src/profile/profile-selectors';
import { makeRow, storeWithRows } from '../store/fake-client';

const PROFILE = 'acqmeta.profile.json';
const VASCULAR: ProfileInfo = {
  source: PROFILE,
  folder: '',
  title: 'Vascular imaging lab',
  description: null,
  applied: true,
  problems: [],
  fields: [
    {
      field: 'species',
      displayName: 'Species',
      required: true,
      requiredWhen: [],
      enum: ['mouse', 'rat'],
      synonyms: { Mouse: 'mouse', 'M. musculus': 'mouse' },
    },
    {
      field: 'date',
      displayName: 'Date',
      required: false,
      requiredWhen: [],
      format: 'date',
      formatExample: 'YYYY-MM-DD',
    },
  ],
  folderRules: [],
  folderClosed: false,
  folderProblems: [],
};

const REQUIRED: ProfileProblem = { field: 'species', rule: 'required', message: 'Species must be filled in' };

/** What the vascular profile says of species, as the backend would (only species is checked here). */
function speciesProblems(item: ValuesToCheck, stored: string): ProfileProblem[] {
  const value = 'species' in item.values ? item.values.species : stored;
  if (value === '' || value === null) return [REQUIRED];
  if (value === 'mouse' || value === 'rat') return [];
  return [
    {
      field: 'species',
      rule: 'enum',
      message: `Species ${JSON.stringify(value)} is not one of mouse, rat`,
      ...(value === 'Mouse' ? { suggestion: 'mouse' } : {}),
    },
  ];
}

/** Three images under the profile: a.tif and b.tif say "Mouse", c.tif says nothing yet. */
function labStore() {
  const rows = [
    makeRow(
      'a.tif',
      { species: 'Mouse' },
      { profile: PROFILE, profileProblems: speciesProblems({ path: 'a.tif', values: {} }, 'Mouse') },
    ),
    makeRow(
      'b.tif',
      { species: 'Mouse' },
      { profile: PROFILE, profileProblems: speciesProblems({ path: 'b.tif', values: {} }, 'Mouse') },
    ),
    makeRow('c.tif', { species: '' }, { profile: PROFILE, profileProblems: [REQUIRED] }),
    makeRow('d.tif', { species: 'rat' }, { profile: PROFILE }),
  ];
  const made = storeWithRows(rows);
  const stored = new Map(rows.map((r) => [r.path, r.values.species as string]));
  made.backend.profiles = [VASCULAR];
  made.backend.problemsFor = (item) => speciesProblems(item, stored.get(item.path) ?? '');
  return { ...made, stored };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('profile problems as the user types', () => {
  it('checks the edited values after a pause, through the backend, and shows them until the edit is gone', async () => {
    vi.useFakeTimers();
    const { store, backend } = labStore();
    store.getState().setFieldText(['c.tif'], 'species', 'M');
    store.getState().setFieldText(['c.tif'], 'species', 'Mou');
    expect(backend.checks).toEqual([]);
    await vi.advanceTimersByTimeAsync(PROBLEM_CHECK_DELAY_MS);
    // One request after the pause, with the values as they are then.
    expect(backend.checks).toEqual([[{ path: 'c.tif', values: { species: 'Mou' } }]]);
    expect(store.getState().liveProblems['c.tif']).toEqual([
      { field: 'species', rule: 'enum', message: 'Species "Mou" is not one of mouse, rat' },
    ]);
    expect(selectQuickCounts(store.getState())['not-ready']).toBe(3);
    expect(selectFieldProblems(['c.tif'])(store.getState())?.species?.message).toBe(
      'Species "Mou" is not one of mouse, rat',
    );
    store.getState().setFieldText(['c.tif'], 'species', 'rat');
    await vi.advanceTimersByTimeAsync(PROBLEM_CHECK_DELAY_MS);
    expect(store.getState().liveProblems['c.tif']).toEqual([]);
    expect(selectQuickCounts(store.getState())['not-ready']).toBe(2);
    store.getState().undo();
    expect(store.getState().liveProblems['c.tif']).toBeUndefined();
  });

  it('keeps an answer only if the edits it was checked with are still those shown', async () => {
    const { store, backend } = labStore();
    let release: () => void = () => {};
    const answered = backend.client.checkValues;
    backend.client.checkValues = (request) => new Promise((resolve) => (release = () => resolve(answered(request))));
    store.getState().setFieldText(['c.tif'], 'species', 'Mou');
    const flushed = store.getState().flushProblemChecks();
    await Promise.resolve();
    store.getState().setFieldText(['c.tif'], 'species', 'mouse');
    release();
    await flushed;
    expect(store.getState().liveProblems['c.tif']).toBeUndefined();
  });

  it('leaves images out that no profile applies to, and shows a format error instead of a profile problem', async () => {
    const { store, backend } = labStore();
    store.getState().addRows([makeRow('free.tif')]);
    store.getState().setFieldText(['free.tif', 'a.tif'], 'depth', 'deep');
    await store.getState().flushProblemChecks();
    expect(backend.checks).toEqual([[{ path: 'a.tif', values: {} }]]);
    backend.problemsFor = () => [{ field: 'depth', rule: 'minimum', message: 'Depth -1 is less than 0' }];
    store.getState().setFieldText(['a.tif'], 'species', 'rat');
    await store.getState().flushProblemChecks();
    expect(store.getState().liveProblems['a.tif']).toEqual([]);
  });
});

describe('saving with a lab profile', () => {
  it('holds back an image whose changed value the profile refuses, never one that only lacks a required field', async () => {
    const { store, backend } = labStore();
    store.getState().setFieldText(['a.tif'], 'species', 'Rat');
    store.getState().setFieldText(['c.tif'], 'genotype', 'WT');
    await store.getState().requestSave();
    const review = store.getState().review;
    expect(review?.invalid).toEqual([
      { path: 'a.tif', name: 'species', message: 'Species "Rat" is not one of mouse, rat', profile: true },
    ]);
    expect(review).toMatchObject({ held: 1, incomplete: 1, saves: [{ path: 'c.tif', changes: { genotype: 'WT' } }] });
    await store.getState().confirmReview();
    expect(backend.saves.flat().map((s) => s.path)).toEqual(['c.tif']);
  });
});

describe('completeness, the Not ready filter and the field filter', () => {
  it('counts filled, invalid and empty per field as the values are now, and filters the table to the images that lack a field', async () => {
    const { store } = labStore();
    await store.getState().loadProfiles();
    const species = () => selectCompleteness(store.getState()).fields.find((f) => f.field === 'species');
    expect(species()).toMatchObject({ required: true, filled: 3, valid: 1, invalid: 2, empty: 1 });
    store.getState().showFieldGap('species');
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif', 'b.tif', 'c.tif']);
    store.getState().setFieldText(['c.tif'], 'species', 'mouse');
    await store.getState().flushProblemChecks();
    expect(species()).toMatchObject({ filled: 4, valid: 2, invalid: 2, empty: 0 });
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif', 'b.tif']);
    store.getState().clearFieldGap();
    store.getState().toggleQuickFilter('not-ready');
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif', 'b.tif']);
    store.getState().selectOnly('d.tif');
    store.getState().setCompletenessScope('selection');
    expect(species()).toMatchObject({ filled: 1, valid: 1, empty: 0 });
  });

  it('gives the editor the rules of the profile in force for the selected images', async () => {
    const { store } = labStore();
    store.getState().addRows([makeRow('free.tif')]);
    await store.getState().loadProfiles();
    expect(selectFieldRules(['a.tif'])(store.getState()).species).toMatchObject({
      required: true,
      enum: ['mouse', 'rat'],
    });
    expect(selectFieldRules(['free.tif'])(store.getState())).toEqual({});
  });

  it('fills a compact date from file names in the profile’s date format, and leaves it where no profile applies', async () => {
    const { store } = labStore();
    store.getState().addRows([makeRow('free/20240503_x.tif', {}, { profile: null })]);
    await store.getState().loadProfiles();
    store.getState().selectAllVisible();
    await store.getState().fillFromNames('re:^(?<date>\\d{8})');
    expect(store.getState().edits).toEqual({
      'free/20240503_x.tif': { date: expect.objectContaining({ value: '20240503' }) },
    });
    const { store: named } = storeWithRows([makeRow('20240502_a.tif', {}, { profile: PROFILE })]);
    named.setState({ profiles: [VASCULAR] });
    named.getState().selectAllVisible();
    await named.getState().fillFromNames('{date}_{*}.tif');
    expect(named.getState().edits).toEqual({
      '20240502_a.tif': { date: expect.objectContaining({ value: '2024-05-02' }) },
    });
  });

  it('gives the editor each field’s most frequent problem over the selection, a refusal before a missing value', async () => {
    const { store } = labStore();
    const paths = ['a.tif', 'b.tif', 'c.tif', 'd.tif'];
    const problems = selectFieldProblems(paths)(store.getState());
    expect(problems?.species).toEqual({
      message: 'Species "Mouse" is not one of mouse, rat',
      required: false,
      suggestion: 'mouse',
      images: 2,
    });
    store.getState().setFilterText('rat');
    expect(selectFieldProblems(paths)(store.getState())).toBe(problems);
    expect(selectFieldProblems(['c.tif', 'a.tif'])(store.getState())?.species).toMatchObject({
      required: false,
      images: 1,
    });
    expect(selectFieldProblems(['c.tif'])(store.getState())?.species).toMatchObject({ required: true, images: 1 });
    expect(selectFieldProblems(['d.tif'])(store.getState())).toEqual({});
  });
});

describe('normalizing values', () => {
  it('replaces variants across the folder as one undo step named after the field', () => {
    const { store } = labStore();
    store.getState().setFieldText(['c.tif'], 'species', 'M. musculus');
    expect([...selectValueCounts(store.getState(), 'species')]).toEqual([
      ['Mouse', 2],
      ['M. musculus', 1],
      ['rat', 1],
    ]);
    const changed = store.getState().applyNormalize('species', [
      { from: 'Mouse', to: 'mouse' },
      { from: 'M. musculus', to: 'mouse' },
      { from: 'rat', to: 'rat' },
    ]);
    expect(changed).toBe(3);
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Normalize Species on 3 images');
    expect(
      ['a.tif', 'b.tif', 'c.tif', 'd.tif'].map((p) => fieldViewState(store.getState(), [p], 'species').text),
    ).toEqual(['mouse', 'mouse', 'mouse', 'rat']);
    store.getState().undo();
    expect(['a.tif', 'c.tif'].map((p) => fieldViewState(store.getState(), [p], 'species').text)).toEqual([
      'Mouse',
      'M. musculus',
    ]);
  });
});

describe('reloading profiles', () => {
  it('reads the profiles again and checks every image again: stored problems on the rows, edited ones live', async () => {
    const { store, backend, stored } = labStore();
    store.getState().setFieldText(['d.tif'], 'species', 'Mouse');
    stored.set('d.tif', 'hamster');
    backend.profiles = [{ ...VASCULAR, title: 'Changed' }];
    await store.getState().reloadProfiles(false);
    expect(store.getState().profiles?.[0]?.title).toBe('Changed');
    expect(store.getState().rows['d.tif']?.profileProblems).toEqual([
      { field: 'species', rule: 'enum', message: 'Species "hamster" is not one of mouse, rat' },
    ]);
    expect(store.getState().liveProblems['d.tif']).toEqual([
      { field: 'species', rule: 'enum', message: 'Species "Mouse" is not one of mouse, rat', suggestion: 'mouse' },
    ]);
    expect(store.getState().profilesReloading).toBe(false);
  });

  it('says nothing when a change on disk left the profiles as they were (a channel table saved)', async () => {
    const { store } = labStore();
    await store.getState().loadProfiles();
    const before = store.getState().notices.length;
    await store.getState().reloadProfiles(false);
    expect(store.getState().notices.slice(before)).toEqual([]);
    await store.getState().reloadProfiles(true);
    expect(
      store
        .getState()
        .notices.slice(before)
        .map((n) => n.text),
    ).toEqual(['Lab profile reloaded; 4 images checked again.']);
  });
});
