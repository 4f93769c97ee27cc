/**
 * The Dataset panel's checks and words: the templates' dataset columns grouped as the panel
 * shows them, a value checked as typed with the command line's rule and words, the lab's list's
 * people offered or refused, and a dataset write in History's words.
 */
import { describe, expect, it } from 'vitest';
import { datasetFileText, PERSON_COLUMNS, type DatasetValues, type Person } from '../../../../shared/dataset';
import type { InstrumentFileRecord } from '../../../../shared/journal';
import { datasetChangeText, isDatasetRecord } from '../../../../renderer/src/dataset/dataset-changes';
import {
  datasetTemplates,
  draftDataset,
  labPersonProblem,
  pickedPerson,
  sameDataset,
  valueProblem,
} from '../../../../renderer/src/dataset/dataset-form';

const person = (given: Partial<Person>): Person =>
  Object.fromEntries(PERSON_COLUMNS.map((column) => [column, given[column] ?? ''])) as Person;

const CARBERRY = person({
  first_name: 'Josiah',
  last_name: 'Carberry',
  display_name: 'Josiah Carberry',
  affiliation: 'Brown University',
  orcid: '0000-0002-1825-0097',
});

describe('dataset panel checks', () => {
  it('groups the dataset columns by template, named in words', () => {
    const templates = datasetTemplates();
    const confocal = templates.find((t) => t.target === 'hubmap:confocal');
    expect(confocal?.label).toBe('HuBMAP confocal');
    expect(confocal?.columns.slice(0, 2).map((c) => [c.name, c.required])).toEqual([
      ['parent_sample_id', true],
      ['lab_id', false],
    ]);
    expect(confocal?.columns.find((c) => c.name === 'source_storage_duration_unit')?.terms).toContain('day');
    expect(templates.find((t) => t.target === 'htan:imaging-level-2')?.label).toBe('HTAN Imaging Level 2');
  });

  it('checks a value as typed with the command line’s rule and words; an empty one is no problem', () => {
    expect(valueProblem('parent_sample_id', 'mouse 7')).toMatch(/^parent_sample_id "mouse 7" is not in the form/);
    expect(valueProblem('parent_sample_id', 'HBM123.ABCD.456')).toBeNull();
    expect(valueProblem('source_storage_duration_value', '-3')).toMatch(/source_storage_duration_value "-3"/);
    expect(valueProblem('source_storage_duration_unit', 'DAY')).toBeNull();
    expect(valueProblem('parent_sample_id', '  ')).toBeNull();
  });

  it('offers a person of the lab’s list with a sound ORCID, roles No until given, and names what is wrong otherwise', () => {
    expect(labPersonProblem(CARBERRY)).toBeNull();
    expect(labPersonProblem({ ...CARBERRY, orcid: '0000-0002-1825-0098' })).toBe(
      'Josiah Carberry: orcid "0000-0002-1825-0098" fails the ORCID checksum (its last character would be 7)',
    );
    expect(labPersonProblem({ ...CARBERRY, orcid: '' })).toMatch(
      /^Josiah Carberry: orcid is required to pick a person/,
    );
    expect(pickedPerson(CARBERRY)).toMatchObject({
      is_contact: 'No',
      is_principal_investigator: 'No',
      is_operator: 'No',
    });
  });

  it('drafts what Save would write, as the command line checks it: terms spelled as the template spells them', () => {
    const contact = { ...pickedPerson(CARBERRY), is_contact: 'Yes' };
    const draft = draftDataset({ source_storage_duration_unit: 'DAY', lab_id: ' ' }, [contact]);
    expect(draft.problems).toEqual([]);
    expect(draft.dataset.values).toEqual({ source_storage_duration_unit: 'day' });
    expect(draftDataset({}, [pickedPerson(CARBERRY)]).problems).toEqual([
      'no person is the contact (is_contact Yes): HuBMAP refuses an upload without one',
    ]);
    expect(sameDataset(draft.dataset, { values: { source_storage_duration_unit: 'day' }, people: [contact] })).toBe(
      true,
    );
  });
});

describe('dataset writes in History', () => {
  const record = (before: DatasetValues | null, after: DatasetValues | null): InstrumentFileRecord => ({
    kind: 'instrument-file',
    id: 'r1',
    batch: 'b1',
    time: '2026-11-29T03:00:00.000Z',
    user: 'ana',
    host: 'lab',
    tool: 'AcqMeta',
    action: 'Dataset values and people',
    file: 'acqmeta.dataset.json',
    before: before === null ? null : { size: 1, mtime: 1, sha256: 'a'.repeat(64) },
    after: after === null ? null : { size: 1, mtime: 2, sha256: 'b'.repeat(64) },
    ...(before === null ? {} : { beforeText: datasetFileText(before) }),
    ...(after === null ? {} : { afterText: datasetFileText(after) }),
  });
  const contact = { ...pickedPerson(CARBERRY), is_contact: 'Yes' };

  it('says what a write set, removed, added and took off', () => {
    const first = { values: { lab_id: 'L1' }, people: [] };
    expect(datasetChangeText(record(null, first))).toBe('created: lab_id set');
    const second = { values: { parent_sample_id: 'HBM123.ABCD.456' }, people: [contact] };
    expect(datasetChangeText(record(first, second))).toBe(
      'parent_sample_id set; lab_id removed; Josiah Carberry added',
    );
    expect(datasetChangeText(record(second, { ...second, people: [] }))).toBe('Josiah Carberry taken off');
    expect(datasetChangeText(record(second, null))).toBe('removed');
  });

  it('tells a dataset file’s record from a description’s', () => {
    expect(isDatasetRecord(record(null, { values: {}, people: [] }))).toBe(true);
    expect(isDatasetRecord({ ...record(null, null), file: 'acqmeta.instruments/lsm.json' })).toBe(false);
  });
});
