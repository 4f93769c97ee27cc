/**
 * The microscope catalogue through the backend: a description drafted from a vendor file,
 * saved (created, edited, removed) with the bytes on disk exactly the text sent, journaled,
 * refused when stale, invalid or outside an `acqmeta.instruments` folder, and the next read of
 * the image matched against what was saved.
 */
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyInstrumentEdits } from '../../../../../shared/instruments';
import { codeOf, labBackendPerTest } from './backend-harness';

const CZI = fileURLToPath(new URL('../../../../fixtures/formats/czi/czitools_LLS7_small.czi', import.meta.url));
const FILE = 'acqmeta.instruments/lls7.json';

describe('backend microscope catalogue', () => {
  const lab = labBackendPerTest();

  it('drafts, saves, edits and removes a description, journaled, and the next read matches it', async () => {
    const { h, copy } = lab;
    await copyFile(CZI, path.join(copy.lab, 'lls7.czi'));
    const empty = await h.ok('getInstrumentCatalogue', { folder: '' });
    expect(empty).toMatchObject({ folder: '', inForce: null, own: 'acqmeta.instruments', files: [], problems: [] });
    expect(empty.specs.components.map((c) => c.schemaId)).toContain('Objective.json');

    const draft = await h.ok('draftInstrumentFromImage', { path: 'lls7.czi' });
    expect(draft.path).toBe('lls7.czi');
    expect(draft.components.map((c) => c.Name)).toEqual([
      'Objective Observation',
      '488 nm',
      '561 nm',
      'LatticeLightsheet',
    ]);
    const text = draft.text ?? '';
    const created = await h.ok('saveInstrumentFile', { file: FILE, text, expected: null, action: 'New LLS7' });
    expect(await readFile(path.join(copy.lab, FILE), 'utf8')).toBe(text);

    const read = await h.ok('getInstrumentCatalogue', { folder: '' });
    expect(read).toMatchObject({ inForce: 'acqmeta.instruments', problems: [] });
    expect(read.files).toEqual([expect.objectContaining({ file: FILE, text, version: created.version, problems: [] })]);
    const detail = await h.ok('getImageDetail', { path: 'lls7.czi' });
    expect(detail.instrumentMatch?.objective).toMatchObject({ Name: 'Objective Observation', file: FILE });

    const objectiveId = draft.components[0]?.ID as string;
    const edited = applyInstrumentEdits(text, [
      { op: 'set', target: { id: objectiveId }, key: 'Name', value: 'W Plan 44x' },
    ]);
    const saved = await h.ok('saveInstrumentFile', { file: FILE, text: edited, expected: created.version });
    expect(await readFile(path.join(copy.lab, FILE), 'utf8')).toBe(edited);
    const rematched = await h.ok('getImageDetail', { path: 'lls7.czi' });
    expect(rematched.instrumentMatch?.objective?.Name).toBe('W Plan 44x');

    const stale = await h.call('saveInstrumentFile', { file: FILE, text, expected: created.version });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await readFile(path.join(copy.lab, FILE), 'utf8')).toBe(edited);

    expect(await h.ok('saveInstrumentFile', { file: FILE, text: null, expected: saved.version })).toEqual({
      file: FILE,
      version: null,
    });
    await expect(stat(path.join(copy.lab, FILE))).rejects.toThrow(/ENOENT/);
    const journal = await h.ok('getJournal', {});
    expect(journal.instruments?.map((r) => [r.action, r.file, r.beforeText, r.afterText, r.after === null])).toEqual([
      ['New LLS7', FILE, undefined, text, false],
      ['Instrument description', FILE, text, edited, false],
      ['Instrument description', FILE, edited, undefined, true],
    ]);
    expect(journal.problems).toEqual([]);
  });

  it('refuses invalid text and files outside an acqmeta.instruments folder, keeping the bytes', async () => {
    const { h, copy } = lab;
    const good = '{"Name":"A","Schema_ID":"Instrument.json","ID":"a","components":[]}';
    const created = await h.ok('saveInstrumentFile', { file: FILE, text: good, expected: null });
    const invalid = await h.call('saveInstrumentFile', {
      file: FILE,
      text: '{"Name":"A","Schema_ID":"Image.json"}',
      expected: created.version,
    });
    expect(invalid).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_VALUE',
        message: expect.stringMatching(/^acqmeta.instruments\/lls7.json was not written: Schema_ID is "Image.json"/),
      },
    });
    const notJson = await h.call('saveInstrumentFile', { file: FILE, text: '{"Name":', expected: created.version });
    expect(codeOf(notJson)).toBe('INVALID_VALUE');
    expect(await readFile(path.join(copy.lab, FILE), 'utf8')).toBe(good);
    for (const file of ['lls7.json', 'stacks/lls7.json', 'acqmeta.instruments/sub/a.json', 'acqmeta.instruments/a.txt'])
      expect(codeOf(await h.call('saveInstrumentFile', { file, text: good, expected: null }))).toBe('BAD_REQUEST');
    // names Windows keeps for its devices, in any case and with any extension
    for (const name of ['con.json', 'CON.JSON', 'Aux.json', 'nul.backup.json', 'com9.json', 'lpt1.json'])
      expect(
        await h.call('saveInstrumentFile', { file: `acqmeta.instruments/${name}`, text: good, expected: null }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: expect.stringContaining(`"${name}" is a name Windows keeps for a device`),
        },
      });
    expect((await readdir(path.join(copy.lab, 'acqmeta.instruments'))).sort()).toEqual(['lls7.json']);
    expect(
      codeOf(await h.call('saveInstrumentFile', { file: '../acqmeta.instruments/a.json', text: good, expected: null })),
    ).toBe('OUTSIDE_FOLDER');
    const nested = await h.ok('saveInstrumentFile', {
      file: 'stacks/acqmeta.instruments/b.json',
      text: good,
      expected: null,
    });
    expect(nested.version).not.toBeNull();
    expect(await h.ok('getInstrumentCatalogue', { folder: 'stacks' })).toMatchObject({
      inForce: 'stacks/acqmeta.instruments',
      own: 'stacks/acqmeta.instruments',
      above: false,
    });
    // a session folder opened below the lab's catalogue: it is in force, named by its full path, above
    await rm(path.join(copy.lab, 'stacks', 'acqmeta.instruments'), { recursive: true });
    await h.ok('openFolder', { path: path.join(copy.lab, 'stacks') });
    expect(await h.ok('getInstrumentCatalogue', { folder: '' })).toMatchObject({
      inForce: path.join(copy.lab, 'acqmeta.instruments'),
      own: 'acqmeta.instruments',
      above: true,
    });
  });

  it('reports a key written twice, and writes no text that still has it', async () => {
    const { h, copy } = lab;
    const twice = '{"Name":"A","Schema_ID":"Instrument.json","ID":"a",\n"Name":"B","components":[]}';
    await mkdir(path.join(copy.lab, 'acqmeta.instruments'));
    await writeFile(path.join(copy.lab, FILE), twice);
    const read = await h.ok('getInstrumentCatalogue', { folder: '' });
    const [file] = read.files;
    expect(file?.problems).toEqual([
      {
        file: FILE,
        at: 'Name',
        message: expect.stringMatching(/^is written twice \(on lines 1 and 2\)/),
        severity: 'error',
      },
    ]);
    const edited = twice.replace('"Name":"B"', '"Name":"C"');
    const refused = await h.call('saveInstrumentFile', { file: FILE, text: edited, expected: file!.version });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_VALUE',
        message: expect.stringContaining('was not written: Name is written twice (on lines 1 and 2)'),
      },
    });
    expect(await readFile(path.join(copy.lab, FILE), 'utf8')).toBe(twice);
    const fixed = '{"Name":"C","Schema_ID":"Instrument.json","ID":"a","components":[]}';
    await h.ok('saveInstrumentFile', { file: FILE, text: fixed, expected: file!.version });
    expect(await readFile(path.join(copy.lab, FILE), 'utf8')).toBe(fixed);
  });
});
