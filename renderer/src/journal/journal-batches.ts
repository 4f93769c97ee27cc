/**
 * The change journal as a timeline of actions: its records grouped by batch (one save, one
 * import, one bulk set), newest first, and the filters by field, person and day.
 */
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { actionName, sidecarDamageText, type JournalRecord } from '../../../shared/journal';
import { personOf } from '../lib/journal-format';

/** One action of the journal: the records of one batch. */
export interface JournalBatch {
  id: string;
  /** Its first record's time (ISO 8601, UTC). */
  time: string;
  /** Who wrote it (`user@host`), in the order first met: normally one. */
  people: string[];
  /** The program of its first record (`AcqMeta`: the app, `acqmeta`: the command line). */
  tool: string;
  /** What was done, each distinct action once (a save of several undo steps has several). */
  actions: string[];
  /** Its name as shown: `Create 4 sidecars` for one that created sidecars, else its actions (see `actionName`). */
  name: string;
  /** The images it wrote, in the order first met. */
  paths: string[];
  /** The fields it changed (sidecar keys), in field-table order. */
  fields: string[];
  /** What another program left of sidecars it made unreadable (`damaged: …`, `deleted`), each once; absent when none. */
  damage?: string[];
}

/** What the timeline is narrowed to; an empty string lets everything through. */
export interface TimelineFilter {
  /** A sidecar key the batch changed. */
  field: string;
  /** `user@host`. */
  person: string;
  /** First and last local day shown, `YYYY-MM-DD` (as a date input gives them). */
  from: string;
  to: string;
}

/** The filter that lets every batch through. */
export const NO_TIMELINE_FILTER: TimelineFilter = { field: '', person: '', from: '', to: '' };

const FIELD_ORDER = new Map(EDITABLE_FIELDS.map((field, i) => [field.name, i]));

/** The local day of an ISO time, `YYYY-MM-DD`. */
export function localDay(time: string): string {
  const date = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Sidecar keys in field-table order (unknown keys last, by name). */
function inFieldOrder(fields: Iterable<string>): string[] {
  const order = (name: string) => FIELD_ORDER.get(name) ?? FIELD_ORDER.size;
  return [...fields].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `records` (oldest first) grouped by batch, newest batch first. */
export function journalBatches(records: readonly JournalRecord[]): JournalBatch[] {
  /** Each batch's first record and what it gathers, each value once, in the order first met. */
  const batches = new Map<
    string,
    {
      first: JournalRecord;
      records: JournalRecord[];
      people: Set<string>;
      actions: Set<string>;
      paths: Set<string>;
      fields: Set<string>;
      damage: Set<string>;
    }
  >();
  for (const record of records) {
    let batch = batches.get(record.batch);
    if (batch === undefined) {
      batch = {
        first: record,
        records: [],
        people: new Set(),
        actions: new Set(),
        paths: new Set(),
        fields: new Set(),
        damage: new Set(),
      };
      batches.set(record.batch, batch);
    }
    batch.records.push(record);
    batch.people.add(personOf(record));
    batch.actions.add(record.action);
    batch.paths.add(record.path);
    for (const change of record.changes) batch.fields.add(change.field);
    const damage = sidecarDamageText(record);
    if (damage !== null) batch.damage.add(damage);
  }
  return [...batches.values()]
    .map(({ first, records: own, people, actions, paths, fields, damage }) => ({
      id: first.batch,
      time: first.time,
      people: [...people],
      tool: first.tool,
      actions: [...actions],
      name: actionName(own),
      paths: [...paths],
      fields: inFieldOrder(fields),
      ...(damage.size === 0 ? {} : { damage: [...damage] }),
    }))
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}

/** The batches that wrote at least one of `paths`. */
export function batchesOfPaths(batches: readonly JournalBatch[], paths: readonly string[]): JournalBatch[] {
  const wanted = new Set(paths);
  return batches.filter((batch) => batch.paths.some((path) => wanted.has(path)));
}

/** The batches `filter` lets through. */
export function filterBatches(batches: readonly JournalBatch[], filter: TimelineFilter): JournalBatch[] {
  return batches.filter((batch) => {
    const day = localDay(batch.time);
    return (
      (filter.field === '' || batch.fields.includes(filter.field)) &&
      (filter.person === '' || batch.people.includes(filter.person)) &&
      (filter.from === '' || day >= filter.from) &&
      (filter.to === '' || day <= filter.to)
    );
  });
}

/** What the filters may choose from: the fields (field-table order) and the people (by name) of `batches`. */
export function timelineChoices(batches: readonly JournalBatch[]): { fields: string[]; people: string[] } {
  const fields = new Set(batches.flatMap((batch) => batch.fields));
  const people = new Set(batches.flatMap((batch) => batch.people));
  return { fields: inFieldOrder(fields), people: [...people].sort() };
}
