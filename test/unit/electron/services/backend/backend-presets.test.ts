import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, removeTestBundles, startBackend, type Harness } from './backend-harness';

describe('backend presets', () => {
  let configDir: string;
  let h: Harness;
  const presetsDir = () => path.join(configDir, 'presets');
  const files = () => readdirSync(presetsDir()).sort();

  beforeEach(async () => {
    configDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-presets-'));
    h = await startBackend({ configDir });
  });
  afterEach(async () => {
    await h.backend.close();
    rmSync(configDir, { recursive: true, force: true });
  });
  afterAll(removeTestBundles);

  it('saves a preset as a plain JSON file in the settings folder and lists it', async () => {
    expect(await h.ok('listPresets', {})).toEqual({ folder: presetsDir(), presets: [] });
    const saved = await h.ok('savePreset', {
      name: ' Thy1 cohort 3, P30 ',
      fields: { age: 'P30', species: 'mouse', depth: 120.5 },
    });
    expect(saved).toEqual({
      id: 'thy1-cohort-3-p30.json',
      name: 'Thy1 cohort 3, P30',
      fields: { species: 'mouse', age: 'P30', depth: 120.5 },
    });
    expect(readFileSync(path.join(presetsDir(), 'thy1-cohort-3-p30.json'), 'utf8')).toBe(
      '{\n  "acqmeta_preset": 1,\n  "name": "Thy1 cohort 3, P30",\n  "fields": {\n    "species": "mouse",\n    "age": "P30",\n    "depth": 120.5\n  }\n}\n',
    );
    expect((await h.ok('listPresets', {})).presets).toEqual([{ ok: true, ...saved }]);
    expect(files()).toEqual(['thy1-cohort-3-p30.json']);
  });

  it('refuses a second preset of the same name unless told to replace it', async () => {
    await h.ok('savePreset', { name: 'Cohort A', fields: { species: 'mouse' } });
    const again = await h.call('savePreset', { name: 'cohort a', fields: { species: 'rat' } });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'A preset named “Cohort A” exists already.' },
    });
    await h.ok('savePreset', { name: 'cohort a', fields: { species: 'rat' }, overwrite: true });
    expect((await h.ok('listPresets', {})).presets).toEqual([
      { ok: true, id: 'cohort-a.json', name: 'cohort a', fields: { species: 'rat' } },
    ]);
  });

  it('refuses invalid values, unknown fields and empty presets, and writes nothing', async () => {
    expect(await h.call('savePreset', { name: 'Deep', fields: { depth: 'deep' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE', message: expect.stringMatching(/^Depth/) },
    });
    expect(await h.call('savePreset', { name: 'Empty', fields: {} })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE', message: 'A preset sets at least one field.' },
    });
    expect(codeOf(await h.call('savePreset', { name: 'Header', fields: { shape: '(1, 2)' } }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('savePreset', { name: '', fields: { species: 'mouse' } }))).toBe('BAD_REQUEST');
    expect((await h.ok('listPresets', {})).presets).toEqual([]);
  });

  it('renames a preset and its file, and refuses a name another preset has', async () => {
    const a = await h.ok('savePreset', { name: 'Cohort A', fields: { species: 'mouse' } });
    await h.ok('savePreset', { name: 'Cohort B', fields: { species: 'rat' } });
    expect(codeOf(await h.call('renamePreset', { id: a.id, name: 'COHORT B' }))).toBe('CONFLICT');
    expect(await h.ok('renamePreset', { id: a.id, name: 'Thy1 cohort 3' })).toEqual({
      id: 'thy1-cohort-3.json',
      name: 'Thy1 cohort 3',
      fields: { species: 'mouse' },
    });
    expect(files()).toEqual(['cohort-b.json', 'thy1-cohort-3.json']);
    expect(codeOf(await h.call('renamePreset', { id: 'gone.json', name: 'X' }))).toBe('NOT_FOUND');
  });

  it('lists a broken preset file with the reason, after the valid ones, and deletes it', async () => {
    mkdirSync(presetsDir(), { recursive: true });
    writeFileSync(path.join(presetsDir(), 'broken.json'), '{"acqmeta_preset": 1, "name": "Bad", ');
    writeFileSync(
      path.join(presetsDir(), 'wrong.json'),
      JSON.stringify({ acqmeta_preset: 1, name: 'Wrong', fields: { depth: -1, colour: 'red' } }),
    );
    writeFileSync(path.join(presetsDir(), 'notes.txt'), 'not a preset');
    await h.ok('savePreset', { name: 'Good', fields: { sex: 'F' } });
    const { presets } = await h.ok('listPresets', {});
    expect(presets).toEqual([
      { ok: true, id: 'good.json', name: 'Good', fields: { sex: 'F' } },
      { ok: false, id: 'broken.json', message: 'This is not a JSON file.' },
      { ok: false, id: 'wrong.json', message: 'No editable field is named "colour".' },
    ]);
    expect(codeOf(await h.call('renamePreset', { id: 'broken.json', name: 'Fixed' }))).toBe('INVALID_VALUE');
    await h.ok('deletePreset', { id: 'broken.json' });
    expect(files()).toEqual(['good.json', 'notes.txt', 'wrong.json']);
  });

  it('keeps requests inside the presets folder', async () => {
    for (const id of ['../recent-folders.json', 'a/b.json', '.hidden.json', 'preset.txt', '..\\x.json']) {
      expect(codeOf(await h.call('deletePreset', { id })), id).toBe('BAD_REQUEST');
    }
  });

  it('says presets are not available without a settings folder', async () => {
    const bare = await startBackend();
    try {
      expect(await bare.call('listPresets', {})).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(/no settings folder/) },
      });
    } finally {
      await bare.backend.close();
    }
  });
});
