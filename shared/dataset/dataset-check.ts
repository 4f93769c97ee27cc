/**
 * A whole dataset (its values and people) checked as `acqmeta dataset` checks what it stores:
 * each value by the bundled templates that have its column, each person by HuBMAP's
 * contributors template and the ORCID checksum, and the people as a whole (one is the contact).
 */
import type { DatasetValues } from './dataset-file';
import { checkDatasetValue } from './dataset-rules';
import { checkPerson, peopleProblem } from './people';

/** A dataset checked: what would be stored (each text as its template spells it, empty values left out), and every problem. */
export interface DatasetCheck {
  readonly dataset: DatasetValues;
  readonly problems: readonly string[];
}

/** `dataset` checked, each person named in a problem by `personName(index)`. */
export function checkDataset(dataset: DatasetValues, personName: (index: number) => string): DatasetCheck {
  const problems: string[] = [];
  const values: Record<string, string> = {};
  for (const [column, value] of Object.entries(dataset.values)) {
    const text = value.trim();
    if (text === '') continue;
    const checked = checkDatasetValue(column, text);
    if (checked.text === null) problems.push(checked.problem);
    else values[column] = checked.text;
  }
  const people = dataset.people.map((person, i) => {
    const checked = checkPerson(person, personName(i));
    problems.push(...checked.problems);
    return checked.person;
  });
  const whole = peopleProblem(people);
  if (whole !== null) problems.push(whole);
  return { dataset: { values, people }, problems };
}
