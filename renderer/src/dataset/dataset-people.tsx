/**
 * The Dataset panel's people: those picked for the dataset, each with the roles HuBMAP asks for,
 * and the picker over the lab's people list (`acqmeta.people.tsv`, found at the folder or above),
 * with what is wrong in the list shown rather than a person silently left out.
 */
import { useState } from 'react';
import type { PeopleListInfo } from '../../../shared/api';
import { peopleProblem, PEOPLE_FILE_NAME, type Person } from '../../../shared/dataset';
import { DataTable, FieldRow, type Column } from '../kit';
import { labPersonProblem, personName, pickedPerson, ROLES } from './dataset-form';

interface PeopleProps {
  people: readonly Person[];
  onChange: (people: Person[]) => void;
  list: PeopleListInfo;
}

/** The picked people's table: name, ORCID, affiliation, a checkbox per role, and Remove. */
function pickedColumns(people: readonly Person[], onChange: (people: Person[]) => void): Column<Person>[] {
  const replace = (index: number, person: Person | null) =>
    onChange(people.flatMap((p, i) => (i !== index ? [p] : person === null ? [] : [person])));
  return [
    { header: 'Name', rowHeader: true, cell: personName },
    { header: 'ORCID', className: 'mono', cell: (person) => person.orcid },
    { header: 'Affiliation', cell: (person) => person.affiliation },
    ...ROLES.map(({ column, label }): Column<Person> => ({
      header: label,
      className: 'dataset-role',
      headerClassName: 'dataset-role',
      cell: (person, index) => (
        <input
          type="checkbox"
          aria-label={`${label}: ${personName(person)}`}
          checked={person[column] === 'Yes'}
          onChange={(event) => replace(index, { ...person, [column]: event.target.checked ? 'Yes' : 'No' })}
        />
      ),
    })),
    {
      header: <span className="sr-only">Remove</span>,
      cell: (person, index) => (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Remove ${personName(person)}`}
          onClick={() => replace(index, null)}
        >
          Remove
        </button>
      ),
    },
  ];
}

/** The lab's list: a choice of the people not picked yet and Add, or why there is nothing to choose from. */
function Picker({ people, onChange, list }: PeopleProps) {
  const [chosen, setChosen] = useState('');
  if (list.problem !== null)
    return (
      <p className="small field-error" role="alert">
        The lab’s people list cannot be read: {list.problem}
      </p>
    );
  if (list.file === null)
    return (
      <p className="muted small">
        No {PEOPLE_FILE_NAME} in this folder or a folder above it: list the lab’s people there once, with
        contributors.tsv’s columns, and pick them here (see docs/dataset.md).
      </p>
    );
  const picked = new Set(people.map((person) => person.orcid));
  const refused = list.people.flatMap((person) => {
    const problem = labPersonProblem(person);
    return problem === null ? [] : [{ person, problem }];
  });
  const offered = list.people.filter(
    (person) => !picked.has(person.orcid) && !refused.some((r) => r.person === person),
  );
  const add = () => {
    const person = offered.find((p) => p.orcid === chosen);
    if (person === undefined) return;
    onChange([...people, pickedPerson(person)]);
    setChosen('');
  };
  return (
    <>
      <div className="dataset-picker">
        <div className="dataset-picker-field">
          <FieldRow id="dataset-person" label={`Add a person from ${list.file}`}>
            {(control) => (
              <select {...control} className="input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">
                  {offered.length === 0 ? 'Everyone on the list is picked' : `Choose one of ${offered.length}…`}
                </option>
                {offered.map((person) => (
                  <option key={person.orcid} value={person.orcid}>
                    {personName(person)} ({person.orcid})
                  </option>
                ))}
              </select>
            )}
          </FieldRow>
        </div>
        <button type="button" className="btn" disabled={chosen === ''} onClick={add}>
          Add
        </button>
      </div>
      {refused.length > 0 && (
        <p id="dataset-refused-title" className="small dataset-refused-title">
          Not offered, as the list gives them:
        </p>
      )}
      {refused.length > 0 && (
        <ul className="small field-error dataset-refused" aria-labelledby="dataset-refused-title">
          {refused.map(({ person, problem }) => (
            <li key={`${person.orcid}\u0000${personName(person)}`}>{problem}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The people section: the picked people and the picker, and the problem of the people as a whole. */
export function DatasetPeople(props: PeopleProps) {
  const { people, onChange } = props;
  const whole = peopleProblem(people);
  return (
    <section className="dataset-people" aria-labelledby="dataset-people-title">
      <h3 id="dataset-people-title" className="modal-label">
        People (HuBMAP’s contributors)
      </h3>
      <DataTable
        label="People of the dataset"
        columns={pickedColumns(people, onChange)}
        rows={people}
        rowKey={(person, i) => `${i}\u0000${person.orcid}`}
        empty="No people yet: pick them from the lab’s list."
      />
      {whole !== null && (
        <p className="small field-error" role="alert">
          {whole[0]!.toUpperCase()}
          {whole.slice(1)}.
        </p>
      )}
      <Picker {...props} />
    </section>
  );
}
