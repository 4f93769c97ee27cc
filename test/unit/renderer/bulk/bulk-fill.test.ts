import { describe, expect, it } from 'vitest';
import type { ApiResult, PresetList, StoredPreset } from '../../../../shared/api';
import { fieldViewState } from '../store/edit-view';
import { selectUndoLabels } from '../../../../renderer/src/store';
import { nameFillInputs, previewNameFill } from '../../../../renderer/src/bulk/name-fill';
import { readPrefs } from '../../../../renderer/src/view-prefs';
import { makeRow, storeWithRows } from '../store/fake-client';

type Store = ReturnType<typeof storeWithRows>['store'];
const shown = (store: Store, path: string, name: string) => fieldViewState(store.getState(), [path], name).text;
const ok = <T>(payload: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, payload });

const THY1: StoredPreset = {
  id: 'thy1.json',
  name: 'Thy1 cohort 3',
  fields: { genotype: 'Thy1-GFP', age: 'P30', depth: 120 },
};

/** A store whose backend lists `presets` and records what is saved. */
function storeWithPresets(presets: StoredPreset[]) {
  const made = storeWithRows([
    makeRow('a.tif', { genotype: 'WT' }),
    makeRow('b.tif', { age: 'P30' }),
    makeRow('bad.tif', {}, { sidecar: 'invalid' }),
  ]);
  const saved: unknown[] = [];
  const list = (): PresetList => ({ folder: '/cfg/presets', presets: presets.map((p) => ({ ok: true, ...p })) });
  made.backend.client.listPresets = () => ok(list());
  made.backend.client.savePreset = (request) => {
    saved.push(request);
    const preset = { id: 'new.json', name: request.name, fields: request.fields };
    presets.push(preset);
    return ok(preset);
  };
  return { ...made, saved };
}

describe('presets in the store', () => {
  it('applies a preset to the editable selection as one undo step named after it', async () => {
    const { store } = storeWithPresets([THY1]);
    await store.getState().loadPresets();
    store.getState().selectAllVisible();
    expect(store.getState().applyPreset('thy1.json')).toBe(5);
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Preset “Thy1 cohort 3” (3 fields) on 2 images');
    expect([
      shown(store, 'a.tif', 'genotype'),
      shown(store, 'b.tif', 'depth'),
      shown(store, 'bad.tif', 'genotype'),
    ]).toEqual(['Thy1-GFP', '120', '']);
    store.getState().undo();
    expect(store.getState().edits).toEqual({});
    expect(shown(store, 'a.tif', 'genotype')).toBe('WT');
  });

  it('saves the chosen fields of the one selected image, pending edits included', async () => {
    const { store, saved } = storeWithPresets([]);
    store.getState().selectOnly('a.tif');
    store.getState().setFieldText(['a.tif'], 'species', 'mouse');
    const result = await store.getState().saveSelectedAsPreset('Cohort A', ['species', 'genotype']);
    expect(result.ok).toBe(true);
    expect(saved).toEqual([{ name: 'Cohort A', fields: { species: 'mouse', genotype: 'WT' }, overwrite: false }]);
    expect(store.getState().presetList?.presets.map((p) => p.id)).toEqual(['new.json']);
  });

  it('imports a preset file after checking it, and refuses a broken one without calling the backend', async () => {
    const { store, saved } = storeWithPresets([]);
    const broken = await store
      .getState()
      .importPresetFile('{"acqmeta_preset": 1, "name": "X", "fields": {"depth": "deep"}}');
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE', message: expect.stringMatching(/^Depth/) },
    });
    expect(saved).toEqual([]);
    const file = '{"acqmeta_preset": 1, "name": "Rat", "fields": {"species": "rat"}}';
    expect(await store.getState().importPresetFile(file)).toMatchObject({ ok: true, preset: { name: 'Rat' } });
    expect(store.getState().presetFile('new.json')).toEqual({
      fileName: 'rat.json',
      text: '{\n  "acqmeta_preset": 1,\n  "name": "Rat",\n  "fields": {\n    "species": "rat"\n  }\n}\n',
    });
  });
});

describe('fill from names', () => {
  const paths = [
    'raw/20240105_Thy1_m3_CA1.tif',
    'raw/20240105_WT_m4_V1.tif',
    'raw/overview.tif',
    'raw/20240106_WT_m5_x.tif',
  ];

  it('previews what each file name gives, flagging names that do not match and invalid values', () => {
    const preview = previewNameFill('{date}_{genotype}_m{*}_{depth}.tif', paths, () => new Set());
    expect(preview).toMatchObject({ ok: true, fields: ['date', 'genotype', 'depth'], matched: 3, invalid: 3 });
    if (!preview.ok) throw new Error('pattern refused');
    expect(preview.rows[2]).toEqual({ path: 'raw/overview.tif', taken: null });
    expect(preview.rows[0]?.taken?.depth).toEqual({ text: 'CA1', ok: false, message: expect.stringMatching(/^Depth/) });
    expect(nameFillInputs(preview)).toEqual([
      { path: paths[0], name: 'date', value: '20240105' },
      { path: paths[0], name: 'genotype', value: 'Thy1' },
      { path: paths[1], name: 'date', value: '20240105' },
      { path: paths[1], name: 'genotype', value: 'WT' },
      { path: paths[3], name: 'date', value: '20240106' },
      { path: paths[3], name: 'genotype', value: 'WT' },
    ]);
    expect(previewNameFill('{genotype}{region}.tif', paths, () => new Set())).toEqual({
      ok: false,
      message: '{region} follows another placeholder: put text between them',
    });
  });

  it('fills the selection as one undo step and remembers the pattern', async () => {
    const { store } = storeWithRows(paths.map((p) => makeRow(p)));
    store.getState().selectAllVisible();
    store.getState().openNamePrompt();
    expect(store.getState().namePrompt).toBe(true);
    expect(await store.getState().fillFromNames('{date}_{genotype}_m{*}_{region}.tif')).toBe(9);
    expect(store.getState().namePrompt).toBe(false);
    expect(store.getState().recentPatterns).toEqual(['{date}_{genotype}_m{*}_{region}.tif']);
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Fill from names (3 fields) on 3 images');
    expect([shown(store, paths[1]!, 'region'), shown(store, 'raw/overview.tif', 'genotype')]).toEqual(['V1', '']);
    store.getState().undo();
    expect(store.getState().edits).toEqual({});
  });
});

describe('table import in the store', () => {
  it('applies a clean preview as one undo step, and nothing while it has errors', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { genotype: 'WT' }), makeRow('b.tif')]);
    const changes = [
      { path: 'a.tif', field: 'genotype', before: 'WT', after: 'KO' },
      { path: 'b.tif', field: 'depth', before: null, after: 12.5 },
    ];
    let errors = [{ row: 3, column: 'depth', message: 'Depth must be a number' }];
    backend.client.previewImport = () => ok({ rows: 2, changes, errors, warnings: [] });
    await store.getState().previewTableImport('table.xlsx', 'AA==');
    expect(store.getState().applyImport()).toBe(0);
    expect(store.getState().edits).toEqual({});

    errors = [];
    await store.getState().previewTableImport('table.xlsx', 'AA==');
    expect(store.getState().tableImport?.preview?.changes).toHaveLength(2);
    expect(store.getState().applyImport()).toBe(2);
    expect(store.getState().tableImport).toBeNull();
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Import table.xlsx (2 fields) on 2 images');
    expect([shown(store, 'a.tif', 'genotype'), shown(store, 'b.tif', 'depth')]).toEqual(['KO', '12.5']);
    store.getState().undo();
    expect(store.getState().edits).toEqual({});
  });
});

describe('recent name patterns', () => {
  it('are kept with the view preferences, at most eight, text only', () => {
    const stored = { recentPatterns: ['{a}', 3, ...Array.from({ length: 9 }, (_, i) => `p${i}`)] };
    expect(readPrefs({ getItem: () => JSON.stringify(stored), setItem: () => undefined }).recentPatterns).toEqual([
      '{a}',
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
    ]);
  });
});
