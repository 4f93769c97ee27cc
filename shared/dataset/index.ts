/** A folder's dataset values and people: the file that keeps them, and their checks against the bundled templates. */
export {
  datasetFileText,
  MAX_DATASET_BYTES,
  NO_DATASET_VALUES,
  parseDatasetFile,
  type DatasetValues,
} from './dataset-file';
export { checkDataset, type DatasetCheck } from './dataset-check';
export { DATASET_FILE_NAME, PEOPLE_FILE_NAME } from './dataset-names';
export { checkDatasetValue, datasetColumns, type TemplateRule, type ValueCheck } from './dataset-rules';
export { orcidProblem } from './orcid';
export {
  checkPerson,
  completedPerson,
  isPersonColumn,
  parsePeople,
  peopleProblem,
  PERSON_COLUMNS,
  type Person,
  type PersonColumn,
} from './people';
