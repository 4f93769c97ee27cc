/**
 * A dataset file's journal record in words, for History: which values it set or removed and
 * which people it added or removed, from the file's text before and after that the record keeps.
 */
import { DATASET_FILE_NAME, parseDatasetFile, type DatasetValues } from '../../../shared/dataset';
import type { InstrumentFileRecord } from '../../../shared/journal';
import { personName } from './dataset-form';

/** Whether `record` wrote a dataset file (the journal keeps descriptions' writes in the same kind of record). */
export function isDatasetRecord(record: InstrumentFileRecord): boolean {
  return record.file.split('/').pop() === DATASET_FILE_NAME;
}

/** The dataset of a kept text; null when the record kept none (no file, or too long to keep) or it is not one. */
function keptDataset(text: string | undefined): DatasetValues | null {
  if (text === undefined) return null;
  try {
    return parseDatasetFile(text, DATASET_FILE_NAME);
  } catch {
    return null;
  }
}

/** `lab_id, parent_sample_id set; 1 value removed; Josiah Carberry added`; what the record changed, as far as it kept the texts. */
export function datasetChangeText(record: InstrumentFileRecord): string {
  const before = keptDataset(record.beforeText) ?? { values: {}, people: [] };
  const after = record.after === null ? { values: {}, people: [] } : keptDataset(record.afterText);
  if (after === null || (record.before !== null && record.beforeText === undefined)) return 'rewritten';
  const set = Object.keys(after.values).filter((column) => before.values[column] !== after.values[column]);
  const removed = Object.keys(before.values).filter((column) => !(column in after.values));
  const names = (people: DatasetValues['people']) => people.map(personName);
  const added = names(after.people).filter((name) => !names(before.people).includes(name));
  const gone = names(before.people).filter((name) => !names(after.people).includes(name));
  const changedPeople =
    added.length === 0 && gone.length === 0 && JSON.stringify(before.people) !== JSON.stringify(after.people);
  const parts = [
    set.length === 0 ? null : `${set.sort().join(', ')} set`,
    removed.length === 0 ? null : `${removed.sort().join(', ')} removed`,
    added.length === 0 ? null : `${added.join(', ')} added`,
    gone.length === 0 ? null : `${gone.join(', ')} taken off`,
    changedPeople ? 'people’s roles changed' : null,
  ].filter((part) => part !== null);
  const what = parts.length === 0 ? 'nothing changed' : parts.join('; ');
  return record.before === null ? `created: ${what}` : record.after === null ? 'removed' : what;
}
