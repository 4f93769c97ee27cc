/**
 * The file of AcqMeta's in a dataset folder that keeps what no image file knows: the dataset's
 * values of the templates' columns and its people. JSON, written the same way every time so a
 * change is a line or two of a diff: two-space indents, the values by column name, the people in
 * the order given, each person's columns in the contributors template's order (empty ones left
 * out), a final line break. docs/dataset.md describes it.
 */
import { PERSON_COLUMNS, type Person } from './people';

/** A dataset file larger than this is refused before any of it is read. */
export const MAX_DATASET_BYTES = 1024 * 1024;

/** The layout this code writes and reads. */
const VERSION = 1;

/** A folder's dataset values and people. */
export interface DatasetValues {
  /** Each column's value, as the templates spell it. */
  readonly values: Readonly<Record<string, string>>;
  readonly people: readonly Person[];
}

/** No values, no people: a folder without a dataset file. */
export const NO_DATASET_VALUES: DatasetValues = { values: {}, people: [] };

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The text of the dataset file holding `dataset`. */
export function datasetFileText(dataset: DatasetValues): string {
  const values = Object.fromEntries(Object.entries(dataset.values).sort(([a], [b]) => byCodePoint(a, b)));
  const people = dataset.people.map((person) =>
    Object.fromEntries(PERSON_COLUMNS.filter((column) => person[column] !== '').map((c) => [c, person[c]])),
  );
  return `${JSON.stringify({ version: VERSION, values, people }, null, 2)}\n`;
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

/** The dataset of the file text `text`; throws naming `label` and what is wrong when it is not a dataset file this version reads. */
export function parseDatasetFile(text: string, label: string): DatasetValues {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const fail = (what: string): never => {
    throw new Error(`${label}: ${what} (docs/dataset.md describes the file)`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('is not a JSON object');
  const { version, values = {}, people = [], ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) fail(`has keys AcqMeta does not know: ${extra.join(', ')}`);
  if (version !== VERSION) fail(`has version ${JSON.stringify(version)}; this AcqMeta reads version ${VERSION}`);
  if (!isStringRecord(values)) fail('"values" is not an object of texts');
  if (!Array.isArray(people)) return fail('"people" is not a list');
  const read = people.map((person: unknown, i): Person => {
    if (!isStringRecord(person)) return fail(`people[${i}] is not an object of texts`);
    const unknown = Object.keys(person).filter((key) => !(PERSON_COLUMNS as readonly string[]).includes(key));
    if (unknown.length > 0) fail(`people[${i}] has keys no person has: ${unknown.join(', ')}`);
    return Object.fromEntries(PERSON_COLUMNS.map((column) => [column, person[column] ?? ''])) as Person;
  });
  return { values: values as Record<string, string>, people: read };
}
