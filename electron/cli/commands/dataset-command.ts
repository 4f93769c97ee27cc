/**
 * `acqmeta dataset <folder> [--set <column>=<value>]... [--contributors <people.tsv>] [--json]`:
 * the values of a dataset no image file knows (the templates' dataset-level columns) and its
 * people, kept in the folder's acqmeta.dataset.json; each value checked as typed against the
 * bundled templates, each person against HuBMAP's contributors template. Without options it
 * prints them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkDatasetValue,
  checkPerson,
  completedPerson,
  DATASET_FILE_NAME,
  datasetColumns,
  parsePeople,
  peopleProblem,
  PEOPLE_FILE_NAME,
  type DatasetValues,
  type Person,
} from '../../../shared/dataset';
import { ApiFailure } from '../../../shared/errors';
import { peopleListFor, readDatasetFile, writeDatasetFile } from '../../services/dataset';
import { diskErrorReason } from '../../services/disk';
import { journalPlaces } from '../../services/journal';
import { lastOption } from '../args';
import { CliError, EXIT, type CliIo, type Command } from '../cli-io';
import { datasetText } from '../dataset-format';
import { folderArgument } from '../targets';

/** The values `--set` gives, checked; throws exit 2 naming every value refused, before anything is stored. */
function setValues(current: Readonly<Record<string, string>>, sets: readonly string[]): Record<string, string> {
  const values = { ...current };
  const problems: string[] = [];
  for (const set of sets) {
    const at = set.indexOf('=');
    if (at <= 0) {
      problems.push(`--set ${set}: expected <column>=<value>`);
      continue;
    }
    const column = set.slice(0, at);
    const value = set.slice(at + 1).trim();
    if (value === '') {
      // removing a value of a column no template has is a misspelling to name, like setting one
      const checked = column in values || datasetColumns().has(column) ? null : checkDatasetValue(column, value);
      if (checked?.text === null) problems.push(checked.problem);
      else delete values[column];
      continue;
    }
    const checked = checkDatasetValue(column, value);
    if (checked.text === null) problems.push(checked.problem);
    else values[column] = checked.text;
  }
  if (problems.length > 0) throw new CliError(EXIT.usage, `nothing stored: ${problems.join('; ')}`);
  return values;
}

/** The people of the table `given` (relative to the working folder), completed from the lab's list and checked; throws exit 2 naming every problem. */
async function readContributors(root: string, given: string, io: CliIo): Promise<Person[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path.resolve(io.cwd, given)));
  } catch (error) {
    const reason = error instanceof TypeError ? 'is not UTF-8 text' : `cannot be read (${diskErrorReason(error)})`;
    throw new CliError(EXIT.usage, `nothing stored: ${given} ${reason}`);
  }
  let rows: Person[];
  let lab: Person[] = [];
  try {
    rows = parsePeople(text, given);
    lab = [...((await peopleListFor(root))?.people ?? [])];
  } catch (error) {
    throw new CliError(EXIT.usage, `nothing stored: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const people = rows.map((row, i) => {
    const checked = checkPerson(completedPerson(row, lab), `${given} row ${i + 1}`);
    problems.push(...checked.problems);
    return checked.person;
  });
  const whole = peopleProblem(people);
  if (whole !== null) problems.push(`${given}: ${whole}`);
  if (problems.length > 0) throw new CliError(EXIT.usage, `nothing stored: ${problems.join('; ')}`);
  return people;
}

/** The `dataset` command. */
export const datasetCommand: Command = {
  name: 'dataset',
  help: `Usage: acqmeta dataset <folder> [--set <column>=<value>]... [--contributors <people.tsv>] [--json]

Keeps the values of a dataset that no image file states (the templates' dataset-level columns:
parent_sample_id, lab_id, preparation_protocol_doi, HTAN Participant ID, …) and the people
(HuBMAP's contributors columns) in the folder's ${DATASET_FILE_NAME}, written through the save
path's lock and journal (acqmeta log lists each change). export --format hubmap:…|htan:… and
acqmeta submission use them, before what the image files state. Without options it prints them.

  --set <column>=<value>   a value of a column of the bundled HuBMAP and HTAN templates, checked
                           as typed against each template that has the column (its pattern,
                           list of terms, bounds); kept as the template spells it. An empty
                           value removes the column's value. Repeatable.
  --contributors <file>    the dataset's people: a TSV with contributors.tsv's columns
                           (first_name, last_name, display_name, affiliation, orcid, is_contact,
                           is_principal_investigator, is_operator, …). A row that gives only an
                           orcid and the roles takes the rest from the lab's ${PEOPLE_FILE_NAME}
                           (in the folder or the nearest folder above it). Replaces the people.
  --json                   print the values and people as JSON

Exits 2, storing nothing, for a value a template's rule refuses, a column no bundled template
has, or a person the contributors template refuses (an ORCID's checksum included); docs/dataset.md.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--json'], options: ['--set', '--contributors'] },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const label = path.relative(io.cwd, path.join(root, DATASET_FILE_NAME)) || DATASET_FILE_NAME;
    let read;
    try {
      read = readDatasetFile(root, label);
    } catch (error) {
      throw new CliError(error instanceof ApiFailure ? EXIT.conflict : EXIT.usage, (error as Error).message);
    }
    const sets = args.options.get('--set') ?? [];
    const contributors = lastOption(args, '--contributors');
    let dataset: DatasetValues = read.dataset;
    if (sets.length > 0 || contributors !== undefined) {
      dataset = {
        values: setValues(read.dataset.values, sets),
        people: contributors === undefined ? read.dataset.people : await readContributors(root, contributors, io),
      };
      const action = [
        'dataset',
        ...sets.map((s) => `--set ${s}`),
        ...(contributors === undefined ? [] : [`--contributors ${contributors}`]),
      ];
      const places = journalPlaces({
        roots: [root],
        onFallback: (dir, fallback) =>
          io.err(`warning: ${dir} cannot be written; its change journal is kept in ${fallback}`),
      });
      try {
        await writeDatasetFile(root, label, dataset, read.version, {
          places,
          tool: 'acqmeta',
          action: action.join(' '),
        });
      } catch (error) {
        throw new CliError(error instanceof ApiFailure ? EXIT.conflict : EXIT.usage, (error as Error).message);
      }
      io.err(`stored in ${label}`);
    }
    await io.out.write(
      args.flags.has('--json') ? `${JSON.stringify(dataset, null, 2)}\n` : datasetText(dataset, label),
    );
    return EXIT.ok;
  },
};
