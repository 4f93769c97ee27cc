/**
 * What the Dataset panel shows and checks, as pure functions: the bundled templates' dataset
 * columns grouped by template, a value checked as typed by the rules `acqmeta dataset` uses
 * (`checkDatasetValue`, `checkDataset`), and the people picked from the lab's list.
 */
import {
  checkDataset,
  checkDatasetValue,
  checkPerson,
  datasetColumns,
  datasetFileText,
  PERSON_COLUMNS,
  type DatasetValues,
  type Person,
  type PersonColumn,
} from '../../../shared/dataset';
import { resolveTarget, targetWords } from '../../../shared/submission';

/** One column of a template as the panel offers it. */
export interface DatasetColumn {
  /** The column of the exports (`parent_sample_id`). */
  readonly name: string;
  /** Its name in words (`Parent sample ID`); the column's when the template gives none. */
  readonly label: string;
  /** What the template says it holds; empty when it says nothing. */
  readonly description: string;
  /** The template's terms, offered as a choice; empty when any text goes. */
  readonly terms: readonly string[];
  /** A number the column takes, whole (`int`) or not; absent when it takes text. */
  readonly number?: 'decimal' | 'int';
  readonly min?: number;
  readonly max?: number;
  readonly required: boolean;
}

/** A template whose dataset columns the panel shows together. */
export interface DatasetTemplate {
  /** Its target (`hubmap:confocal`). */
  readonly target: string;
  /** Its name in words (`HuBMAP confocal`). */
  readonly label: string;
  readonly columns: readonly DatasetColumn[];
}

/** The roles a dataset gives each person, as the contributors template names them, with their words. */
export const ROLES: readonly { column: PersonColumn; label: string }[] = [
  { column: 'is_contact', label: 'Contact' },
  { column: 'is_principal_investigator', label: 'Principal investigator' },
  { column: 'is_operator', label: 'Operator' },
];

/** Every bundled template with a dataset column, in the templates' order, each with its columns. */
export function datasetTemplates(): DatasetTemplate[] {
  const byTarget = new Map<string, DatasetColumn[]>();
  for (const [name, rules] of datasetColumns())
    for (const { target, rule } of rules)
      byTarget.set(target, [
        ...(byTarget.get(target) ?? []),
        {
          name,
          label: rule.label ?? name,
          description: rule.description ?? '',
          terms: rule.terms ?? [],
          ...(rule.number === undefined ? {} : { number: rule.number }),
          ...(rule.min === undefined ? {} : { min: rule.min }),
          ...(rule.max === undefined ? {} : { max: rule.max }),
          required: rule.required,
        },
      ]);
  return [...byTarget].map(([target, columns]) => {
    const resolved = resolveTarget(target);
    const words = resolved === null ? null : targetWords(resolved);
    return { target, label: words === null ? target : `${words.repository} ${words.assay}`, columns };
  });
}

/** Why `text` cannot be kept as `column`'s value, in the command line's words, or null (an empty text removes the value). */
export function valueProblem(column: string, text: string): string | null {
  if (text.trim() === '') return null;
  const checked = checkDatasetValue(column, text.trim());
  return checked.text === null ? checked.problem : null;
}

/** A person's name as the panel shows it: the display name, else first and last. */
export function personName(person: Person): string {
  return person.display_name || [person.first_name, person.last_name].filter(Boolean).join(' ') || person.orcid;
}

/** Why the lab's list's `person` cannot be picked (the contributors template's rules, roles aside), or null. */
export function labPersonProblem(person: Person): string | null {
  const roles = Object.fromEntries(ROLES.map(({ column }) => [column, 'No']));
  const problems = checkPerson({ ...person, ...roles }, personName(person)).problems;
  if (person.orcid === '') problems.unshift(`${personName(person)}: orcid is required to pick a person`);
  return problems.length === 0 ? null : problems.join('; ');
}

/** `person` of the lab's list picked for the dataset: its own columns, each role No until the user gives it. */
export function pickedPerson(person: Person): Person {
  const picked = Object.fromEntries(PERSON_COLUMNS.map((column) => [column, person[column]]));
  for (const { column } of ROLES) picked[column] = person[column] === 'Yes' ? 'Yes' : 'No';
  return picked as Person;
}

/** The dataset the panel would save: the values typed (blank ones left out) and the people, and every problem `acqmeta dataset` would name. */
export function draftDataset(values: Readonly<Record<string, string>>, people: readonly Person[]) {
  const given = Object.fromEntries(Object.entries(values).filter(([, text]) => text.trim() !== ''));
  return checkDataset({ values: given, people }, (i) => personName(people[i]!));
}

/** Whether two datasets would be written as the same file. */
export function sameDataset(a: DatasetValues, b: DatasetValues): boolean {
  return datasetFileText(a) === datasetFileText(b);
}
