/** How `acqmeta dataset` prints a folder's dataset values and people. */
import type { DatasetValues, Person } from '../../shared/dataset';

/** A person's roles in words: `contact, principal investigator`. */
function roles(person: Person): string {
  const named: [keyof Person, string][] = [
    ['is_contact', 'contact'],
    ['is_principal_investigator', 'principal investigator'],
    ['is_operator', 'operator'],
  ];
  return named
    .filter(([column]) => person[column] === 'Yes')
    .map(([, word]) => word)
    .join(', ');
}

/**
 * The values, one `column  value` line each by name, then the people, one line each (name,
 * ORCID, affiliation, roles); `(none)` where there are none. `label` names the file.
 */
export function datasetText(dataset: DatasetValues, label: string): string {
  const columns = Object.keys(dataset.values).sort();
  const width = Math.max(0, ...columns.map((column) => column.length));
  const values = columns.map((column) => `  ${column.padEnd(width)}  ${dataset.values[column]}`);
  const people = dataset.people.map(
    (person) =>
      `  ${[person.display_name, person.orcid, person.affiliation, roles(person)].filter((part) => part !== '').join('  ')}`,
  );
  return [
    `values (${label}):`,
    ...(values.length === 0 ? ['  (none)'] : values),
    'people:',
    ...(people.length === 0 ? ['  (none)'] : people),
    '',
  ].join('\n');
}
