/**
 * `acqmeta dataset`: values checked against the bundled templates and people against the
 * contributors template before anything is stored, the file written the same way every time,
 * each change journaled (acqmeta log lists it), people completed from the lab's list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './support/cli-in-folder';

const folder = cliInFolder('acqmeta-dataset-cli-', {
  prepare: (base) => mkdirSync(path.join(base, 'share', 'lab', 'run1'), { recursive: true }),
  env: (base) => ({ XDG_CONFIG_HOME: path.join(base, 'config') }),
});
const { acqmeta, at } = folder;

const FILE = () => at('share/lab/run1/acqmeta.dataset.json');
const LAB = [
  'first_name\tlast_name\tdisplay_name\taffiliation\torcid\temail',
  'Josiah\tCarberry\tJosiah Carberry\tBrown University\t0000-0002-1825-0097\tjc@example.org',
  '',
].join('\n');

describe('acqmeta dataset', () => {
  it('stores values as the templates spell them, prints them, and journals the change', async () => {
    const set = await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=Run 1', '--set', 'is_targeted=yes');
    expect(set).toMatchObject({ code: 0, stderr: 'stored in share/lab/run1/acqmeta.dataset.json\n' });
    expect(JSON.parse(readFileSync(FILE(), 'utf8'))).toEqual({
      version: 1,
      values: { is_targeted: 'Yes', lab_id: 'Run 1' },
      people: [],
    });
    const shown = await acqmeta('dataset', 'share/lab/run1');
    expect(shown.stdout).toBe(
      'values (share/lab/run1/acqmeta.dataset.json):\n  is_targeted  Yes\n  lab_id       Run 1\npeople:\n  (none)\n',
    );
    const log = await acqmeta('log', 'share/lab/run1');
    expect(log.stdout).toContain('acqmeta: dataset --set lab_id=Run 1 --set is_targeted=yes  batch ');
    expect(log.stdout).toMatch(/ {2}acqmeta\.dataset\.json {2}dataset values created\n$/);
  });

  it('refuses a value a template’s rule refuses, or a column no template has: exit 2, nothing stored', async () => {
    await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=L1');
    const before = readFileSync(FILE(), 'utf8');
    const bad = await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=L2', '--set', 'parent_sample_id=mouse 7');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'nothing stored: parent_sample_id "mouse 7" is not in the form the template asks for; ' +
        'for example HBM386.ZGKG.235, HBM672.MKPK.442 (hubmap:',
    );
    const unknown = await acqmeta('dataset', 'share/lab/run1', '--set', 'sample_colour=blue');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('sample_colour is a column of no bundled template');
    const removing = await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_idd=');
    expect(removing.code).toBe(2);
    expect(removing.stderr).toContain('nothing stored: lab_idd is a column of no bundled template');
    expect(readFileSync(FILE(), 'utf8')).toBe(before);
  });

  it('takes people picked by ORCID from the lab’s list at the share’s root', async () => {
    writeFileSync(at('share', 'acqmeta.people.tsv'), LAB);
    writeFileSync(
      at('people.tsv'),
      'orcid\tis_contact\tis_principal_investigator\tis_operator\n0000-0002-1825-0097\tYes\tYes\tNo\n',
    );
    const set = await acqmeta('dataset', 'share/lab/run1', '--contributors', 'people.tsv', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).people).toEqual([
      {
        first_name: 'Josiah',
        last_name: 'Carberry',
        middle_name_or_initial: '',
        display_name: 'Josiah Carberry',
        affiliation: 'Brown University',
        orcid: '0000-0002-1825-0097',
        email: 'jc@example.org',
        is_contact: 'Yes',
        is_principal_investigator: 'Yes',
        is_operator: 'No',
      },
    ]);
  });

  it('refuses a person whose ORCID fails its checksum, naming the row: exit 2, nothing stored', async () => {
    writeFileSync(
      at('people.tsv'),
      `${LAB.split('\n')[0]}\tis_contact\tis_principal_investigator\tis_operator\nJo\tC\tJo C\tBrown\t0000-0002-1825-0098\t\tYes\tYes\tNo\n`,
    );
    const bad = await acqmeta('dataset', 'share/lab/run1', '--contributors', 'people.tsv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'people.tsv row 1: orcid "0000-0002-1825-0098" fails the ORCID checksum (its last character would be 7)',
    );
    expect(existsSync(FILE())).toBe(false);
  });

  it('names a dataset file it cannot read and leaves it as it is', async () => {
    writeFileSync(FILE(), '{"lab_id": "by hand"}\n');
    const bad = await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=L3');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('share/lab/run1/acqmeta.dataset.json: has keys AcqMeta does not know: lab_id');
    expect(readFileSync(FILE(), 'utf8')).toBe('{"lab_id": "by hand"}\n');
  });

  it('is put back by acqmeta restore, only while the file is what its latest write left', async () => {
    await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=L1');
    const first = readFileSync(FILE(), 'utf8');
    await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=L2');
    const log = await acqmeta('log', 'share/lab/run1', '--json');
    const [created, changed] = log.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    const undo = await acqmeta('restore', 'share/lab/run1', '--undo', changed!.id);
    expect(undo).toMatchObject({
      code: 0,
      stdout: `restored share/lab/run1/acqmeta.dataset.json: its values and people before record ${changed!.id}\n`,
    });
    expect(readFileSync(FILE(), 'utf8')).toBe(first);
    writeFileSync(FILE(), first.replace('L1', 'typed by hand'));
    const refused = await acqmeta('restore', 'share/lab/run1', '--before', created!.id);
    expect(refused.code).toBe(3);
    expect(readFileSync(FILE(), 'utf8')).toContain('typed by hand');
  });

  it('is removed by restore --before the record that created it', async () => {
    await acqmeta('dataset', 'share/lab/run1', '--set', 'lab_id=L1');
    const log = await acqmeta('log', 'share/lab/run1', '--json');
    const { id } = JSON.parse(log.stdout.trim()) as { id: string };
    expect((await acqmeta('restore', 'share/lab/run1', '--before', id)).code).toBe(0);
    expect(existsSync(FILE())).toBe(false);
  });
});
