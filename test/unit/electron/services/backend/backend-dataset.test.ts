/**
 * The dataset values and people through the backend, as the app's Dataset panel uses them: the
 * lab's people list found above the folder, a save written byte for byte as `acqmeta dataset`
 * writes it and journaled, a refused value or person leaving the disk as it was, a stale save a
 * CONFLICT, and the write undone from the journal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFileText, PERSON_COLUMNS, type Person } from '../../../../../shared/dataset';
import { codeOf, labBackendPerTest } from './backend-harness';

const person = (given: Partial<Person>): Person =>
  Object.fromEntries(PERSON_COLUMNS.map((column) => [column, given[column] ?? ''])) as Person;

const CARBERRY = person({
  first_name: 'Josiah',
  last_name: 'Carberry',
  display_name: 'Josiah Carberry',
  affiliation: 'Brown University',
  orcid: '0000-0002-1825-0097',
  is_contact: 'yes',
  is_principal_investigator: 'Yes',
  is_operator: 'No',
});

describe('backend dataset values', () => {
  const lab = labBackendPerTest();

  it('reads the lab’s list, saves as the command line does, journaled, and undoes the save', async () => {
    const { h, copy } = lab;
    const list = path.join(copy.lab, '..', 'acqmeta.people.tsv');
    await writeFile(list, 'orcid\tfirst_name\tlast_name\n0000-0002-1825-0097\tJosiah\tCarberry\n');
    const empty = await h.ok('getDataset', {});
    expect(empty).toMatchObject({ file: 'acqmeta.dataset.json', dataset: { values: {}, people: [] }, version: null });
    expect(empty.peopleList).toMatchObject({ file: list, problem: null });
    expect(empty.peopleList.people.map((p) => p.last_name)).toEqual(['Carberry']);

    const dataset = {
      values: { parent_sample_id: 'HBM123.ABCD.456', source_storage_duration_unit: 'DAY' },
      people: [CARBERRY],
    };
    const saved = await h.ok('saveDataset', { dataset, expected: null });
    const file = path.join(copy.lab, 'acqmeta.dataset.json');
    const text = await readFile(file, 'utf8');
    expect(text).toBe(
      datasetFileText({
        values: { parent_sample_id: 'HBM123.ABCD.456', source_storage_duration_unit: 'day' },
        people: [{ ...CARBERRY, is_contact: 'Yes' }],
      }),
    );
    expect(await h.ok('getDataset', {})).toMatchObject({ version: saved.version, problem: null });

    const journal = await h.ok('getJournal', {});
    const records = journal.instruments ?? [];
    expect(records.map((r) => [r.file, r.action, r.tool])).toEqual([
      ['acqmeta.dataset.json', 'Dataset values and people', 'AcqMeta'],
    ]);

    const stale = await h.call('saveDataset', { dataset: { values: {}, people: [CARBERRY] }, expected: null });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await readFile(file, 'utf8')).toBe(text);

    expect(await h.ok('restoreDataset', { id: records[0]!.id })).toEqual({ version: null });
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes the file for an undone creation, journaled under the action given', async () => {
    const { h, copy } = lab;
    const created = await h.ok('saveDataset', { dataset: { values: { lab_id: 'L1' }, people: [] }, expected: null });
    const removed = await h.ok('saveDataset', {
      dataset: null,
      expected: created.version,
      action: 'Undo Dataset values and people',
    });
    expect(removed).toEqual({ version: null });
    await expect(readFile(path.join(copy.lab, 'acqmeta.dataset.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    const records = (await h.ok('getJournal', {})).instruments ?? [];
    expect(records.map((r) => [r.action, r.after === null])).toEqual([
      ['Dataset values and people', false],
      ['Undo Dataset values and people', true],
    ]);
  });

  it('refuses a value or a person the templates refuse, naming each, and writes nothing', async () => {
    const { h, copy } = lab;
    const refused = await h.call('saveDataset', {
      dataset: {
        values: { parent_sample_id: 'mouse 7' },
        people: [{ ...CARBERRY, orcid: '0000-0002-1825-0098' }],
      },
      expected: null,
    });
    expect(codeOf(refused)).toBe('INVALID_VALUE');
    expect(!refused.ok && refused.error.message).toMatch(
      /parent_sample_id "mouse 7" is not in the form the template asks for; for example HBM386/,
    );
    expect(!refused.ok && refused.error.message).toMatch(
      /person 1: orcid "0000-0002-1825-0098" fails the ORCID checksum/,
    );
    await expect(readFile(path.join(copy.lab, 'acqmeta.dataset.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names a dataset file it cannot read, and a people list that is not one', async () => {
    const { h, copy } = lab;
    await writeFile(path.join(copy.lab, 'acqmeta.dataset.json'), '{"version": 1, "colour": "red"}\n');
    await writeFile(path.join(copy.lab, 'acqmeta.people.tsv'), 'name\tshoe size\nJo\t7\n');
    const read = await h.ok('getDataset', {});
    expect(read.dataset).toBeNull();
    expect(read.problem).toMatch(/acqmeta\.dataset\.json: has keys AcqMeta does not know: colour/);
    expect(read.peopleList.problem).toMatch(
      /acqmeta\.people\.tsv: line 1: "name", "shoe size" is no contributors column/,
    );
  });
});
