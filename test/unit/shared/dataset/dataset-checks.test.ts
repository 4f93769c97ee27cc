import { describe, expect, it } from 'vitest';
import {
  checkDatasetValue,
  checkPerson,
  completedPerson,
  datasetFileText,
  orcidProblem,
  parseDatasetFile,
  parsePeople,
  type Person,
} from '../../../../shared/dataset';

const person = (fields: Partial<Person>): Person => ({
  first_name: '',
  last_name: '',
  middle_name_or_initial: '',
  display_name: '',
  affiliation: '',
  orcid: '',
  email: '',
  is_contact: '',
  is_principal_investigator: '',
  is_operator: '',
  ...fields,
});

const CARBERRY = person({
  first_name: 'Josiah',
  last_name: 'Carberry',
  display_name: 'Josiah Carberry',
  affiliation: 'Brown University',
  orcid: '0000-0002-1825-0097',
  is_contact: 'Yes',
  is_principal_investigator: 'Yes',
  is_operator: 'No',
});

describe('ORCID iDs', () => {
  it('accepts iDs whose check character is right, X standing for ten', () => {
    expect(orcidProblem('0000-0002-1825-0097')).toBeNull();
    expect(orcidProblem('0000-0002-8928-741X')).toBeNull();
  });

  it('refuses a mistyped digit the pattern lets through, naming the check character', () => {
    expect(orcidProblem('0000-0002-1825-0098')).toBe('fails the ORCID checksum (its last character would be 7)');
    expect(orcidProblem('0000-0002-1825-009')).toMatch(/is not an ORCID iD/);
  });
});

describe('dataset values', () => {
  it('keeps a value as the template spells it', () => {
    expect(checkDatasetValue('parent_sample_id', 'HBM123.ABCD.456')).toEqual({ text: 'HBM123.ABCD.456' });
    expect(checkDatasetValue('is_targeted', 'yes')).toEqual({ text: 'Yes' });
    expect(checkDatasetValue('source_storage_duration_unit', 'day')).toEqual({ text: 'day' });
  });

  it('names the rule a value breaks, and the templates that have it', () => {
    const checked = checkDatasetValue('parent_sample_id', 'sample 7');
    expect(checked.text).toBeNull();
    // the template's example, never its pattern: a person at the bench reads it
    expect(checked).toEqual({
      text: null,
      problem:
        'parent_sample_id "sample 7" is not in the form the template asks for; for example HBM386.ZGKG.235, ' +
        'HBM672.MKPK.442 (hubmap:confocal, hubmap:lightsheet, hubmap:imc-2d, hubmap:histology)',
    });
    expect(checkDatasetValue('source_storage_duration_value', '-2')).toEqual({
      text: null,
      problem: expect.stringContaining('is below the least value, 0'),
    });
    expect(checkDatasetValue('Imaging Assay Type', 'Telescope')).toEqual({
      text: null,
      problem: expect.stringContaining("is not in the template's list (htan:imaging-level-2)"),
    });
  });

  it('refuses a column no template has, a person’s, and one AcqMeta fills', () => {
    expect(checkDatasetValue('parent_sample', 'x')).toMatchObject({
      problem: expect.stringContaining('a column of no bundled template'),
    });
    expect(checkDatasetValue('orcid', 'x')).toMatchObject({ problem: expect.stringContaining('--contributors') });
    expect(checkDatasetValue('data_path', '.')).toMatchObject({
      problem: expect.stringContaining('is not a dataset value'),
    });
  });
});

describe('people', () => {
  it('reads a contributors table and takes what a row leaves out from the lab’s list by ORCID', () => {
    const lab = parsePeople(
      'first_name\tlast_name\tdisplay_name\taffiliation\torcid\nJosiah\tCarberry\tJosiah Carberry\tBrown University\t0000-0002-1825-0097\n',
      'lab.tsv',
    );
    const [picked] = parsePeople(
      'orcid\tis_contact\tis_principal_investigator\tis_operator\n0000-0002-1825-0097\tyes\tYes\tNo\n',
      'p.tsv',
    );
    const { person: checked, problems } = checkPerson(completedPerson(picked as Person, lab), 'p.tsv line 2');
    expect(problems).toEqual([]);
    expect(checked).toEqual(CARBERRY);
  });

  it('names each required column left empty and a bad ORCID', () => {
    const { problems } = checkPerson(
      person({ ...CARBERRY, affiliation: '', orcid: '0000-0002-1825-0098' }),
      'p.tsv line 3',
    );
    expect(problems).toEqual([
      'p.tsv line 3: affiliation is required',
      'p.tsv line 3: orcid "0000-0002-1825-0098" fails the ORCID checksum (its last character would be 7)',
    ]);
  });

  it('refuses a column no person has, naming the file', () => {
    expect(() => parsePeople('first_name\tshoe_size\n', 'p.tsv')).toThrow(
      'p.tsv: line 1: "shoe_size" is no contributors column',
    );
  });
});

describe('the dataset file', () => {
  it('is written the same way every time, values by name, empty person columns left out', () => {
    const text = datasetFileText({ values: { lab_id: 'L7', is_targeted: 'Yes' }, people: [CARBERRY] });
    expect(text).toBe(`{
  "version": 1,
  "values": {
    "is_targeted": "Yes",
    "lab_id": "L7"
  },
  "people": [
    {
      "first_name": "Josiah",
      "last_name": "Carberry",
      "display_name": "Josiah Carberry",
      "affiliation": "Brown University",
      "orcid": "0000-0002-1825-0097",
      "is_contact": "Yes",
      "is_principal_investigator": "Yes",
      "is_operator": "No"
    }
  ]
}
`);
    expect(parseDatasetFile(text, 'f')).toEqual({ values: { is_targeted: 'Yes', lab_id: 'L7' }, people: [CARBERRY] });
  });

  it('refuses a file it cannot read whole, naming it', () => {
    expect(() => parseDatasetFile('{"version":1,"values":{"a":2}}', 'raw/acqmeta.dataset.json')).toThrow(
      'raw/acqmeta.dataset.json: "values" is not an object of texts',
    );
    expect(() => parseDatasetFile('{"version":1,"vals":{}}', 'd.json')).toThrow(
      'd.json: has keys AcqMeta does not know: vals',
    );
  });
});
