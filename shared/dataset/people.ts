/**
 * The people of a dataset, as HuBMAP's contributors template has them: one row per person,
 * checked by the template's rules (required columns, Yes or No answers, the ORCID pattern) and
 * the ORCID's own checksum. A row that gives only an ORCID (and the person's roles) takes the
 * rest from the lab's people list, so the same person is typed once per lab.
 */
import { parseTableVerbatim } from '../sheets/table-text';
import { checkCell, hubmapTemplates } from '../submission';
import { fieldRule } from './dataset-rules';
import { orcidProblem } from './orcid';

/** A person's columns, in the contributors template's order (its metadata_schema_id aside, which AcqMeta writes). */
export const PERSON_COLUMNS = [
  'first_name',
  'last_name',
  'middle_name_or_initial',
  'display_name',
  'affiliation',
  'orcid',
  'email',
  'is_contact',
  'is_principal_investigator',
  'is_operator',
] as const;

/** One of {@link PERSON_COLUMNS}. */
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

/** One person: each column's text, empty when not given. */
export type Person = Readonly<Record<PersonColumn, string>>;

/** The roles a dataset gives each person it picks (a lab's list may leave them empty). */
const ROLE_COLUMNS: readonly PersonColumn[] = ['is_contact', 'is_principal_investigator', 'is_operator'];

/** The contributors template's rule of each person column. */
function personRules() {
  const template = hubmapTemplates().items.find((t) => t.name === 'contributors');
  if (template === undefined) throw new Error('HuBMAP metadata templates: no contributors');
  return PERSON_COLUMNS.map((column) => {
    const field = template.fields.find((f) => f.key === column);
    return field === undefined ? { name: column, required: false } : fieldRule(field);
  });
}

/** Whether `column` is a person's (set with --contributors, not as a dataset value). */
export function isPersonColumn(column: string): boolean {
  return (PERSON_COLUMNS as readonly string[]).includes(column);
}

/**
 * The people of the TSV `text` (its first line the column names, as contributors.tsv has them),
 * each cell trimmed; throws naming `label` and the line for a column no person has, a row
 * longer than the header, or text that is not a table. A missing column is empty.
 */
export function parsePeople(text: string, label: string): Person[] {
  let rows: string[][];
  try {
    rows = parseTableVerbatim(text, 'tsv').filter((row) => row.some((cell) => cell.trim() !== ''));
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`, { cause: error });
  }
  const [header, ...body] = rows;
  if (header === undefined) return [];
  const names = header.map((name) => name.trim());
  const unknown = names.filter((name) => !isPersonColumn(name) && name !== 'metadata_schema_id');
  if (unknown.length > 0)
    throw new Error(
      `${label}: line 1: ${unknown.map((name) => `"${name}"`).join(', ')} is no contributors column (${PERSON_COLUMNS.join(', ')})`,
    );
  return body.map((row, i) => {
    if (row.length > names.length) throw new Error(`${label}: line ${i + 2}: more cells than the header names`);
    const cells = new Map(names.map((name, c) => [name, (row[c] ?? '').trim()]));
    return Object.fromEntries(PERSON_COLUMNS.map((column) => [column, cells.get(column) ?? ''])) as Person;
  });
}

/** The person `row` completed from `lab` (the lab's people) by ORCID: each empty column the lab's row fills; roles stay the row's own. */
export function completedPerson(row: Person, lab: readonly Person[]): Person {
  const known = row.orcid === '' ? undefined : lab.find((person) => person.orcid === row.orcid);
  if (known === undefined) return row;
  const filled = PERSON_COLUMNS.map((column) => {
    const own = row[column];
    return [column, own !== '' || ROLE_COLUMNS.includes(column) ? own : known[column]];
  });
  return Object.fromEntries(filled) as Person;
}

/**
 * `person` checked by the contributors template (named `where`: `people.tsv line 2`): each
 * value as the template writes it (`yes` as `Yes`), and what is wrong: each required column
 * left empty, each value its rule refuses, an ORCID that fails its checksum.
 */
export function checkPerson(person: Person, where: string): { person: Person; problems: string[] } {
  const problems: string[] = [];
  const cells = personRules().map((rule) => {
    const value = person[rule.name as PersonColumn];
    if (value === '') {
      if (rule.required) problems.push(`${where}: ${rule.name} is required`);
      return [rule.name, value];
    }
    const checked = checkCell(rule, value);
    if (checked.text === null) problems.push(`${where}: ${rule.name} "${value}" ${checked.problem}`);
    return [rule.name, checked.text ?? value];
  });
  const orcid = person.orcid === '' ? null : orcidProblem(person.orcid);
  if (orcid !== null && !problems.some((p) => p.startsWith(`${where}: orcid `)))
    problems.push(`${where}: orcid "${person.orcid}" ${orcid}`);
  return { person: Object.fromEntries(cells) as Person, problems };
}

/** Why HuBMAP would refuse `people` as a dataset's contributors as a whole (no contact), or null. */
export function peopleProblem(people: readonly Person[]): string | null {
  if (people.length === 0) return null;
  return people.some((person) => person.is_contact === 'Yes')
    ? null
    : 'no person is the contact (is_contact Yes): HuBMAP refuses an upload without one';
}
