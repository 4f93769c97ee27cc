/**
 * The readme's short account of who edited the sidecars, when and with which tools, from the
 * change journal: writes per person and per tool, the span of dates, the latest actions, and
 * where the full journal is. Pure; nothing when no write was journaled.
 */
import { journalBatches, type JournalRecord } from '../journal';
import { markdownText, plural } from './markdown-text';

/** Actions (batches) listed, newest first, before the rest are counted. */
const SHOWN_ACTIONS = 5;

/** `ana: 7 writes; ben: 2 writes`: how many records each key has, most first (ties by name). */
function writesPer(records: readonly JournalRecord[], key: (record: JournalRecord) => string): string {
  const counts = new Map<string, number>();
  for (const name of records.map(key)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, writes]) => `${markdownText(name)}: ${plural(writes, 'write')}`)
    .join('; ');
}

const day = (record: JournalRecord): string => record.time.slice(0, 10);

/** One table row per action, newest first: its last write's date, person, tool, action and images. */
function actionRows(batches: readonly JournalRecord[][]): string[] {
  return batches.map((batch) => {
    const last = batch.at(-1) as JournalRecord;
    const images = new Set(batch.map((record) => record.path)).size;
    const cells = [day(last), last.user, last.tool, last.action].map(markdownText);
    return `| ${cells.join(' | ')} | ${images} |`;
  });
}

/**
 * The "Provenance" section from the journal records of the images described (oldest first by
 * time); empty when there are none.
 */
export function provenanceSection(records: readonly JournalRecord[]): string[] {
  if (records.length === 0) return [];
  const newestFirst = journalBatches(records).reverse();
  const [first, last] = [day(records[0] as JournalRecord), day(records.at(-1) as JournalRecord)];
  const images = new Set(records.map((record) => record.path)).size;
  const earlier = newestFirst.length - SHOWN_ACTIONS;
  return [
    '## Provenance',
    '',
    `AcqMeta's change journal records ${plural(records.length, 'sidecar write')} to ${plural(images, 'image')} in ${plural(newestFirst.length, 'action')}.`,
    '',
    `- **Edited by:** ${writesPer(records, (record) => record.user)}.`,
    `- **When:** ${first === last ? first : `${first} to ${last}`} (UTC).`,
    `- **Tools:** ${writesPer(records, (record) => record.tool)}.`,
    '',
    earlier > 0 ? `The latest ${SHOWN_ACTIONS} actions (and ${earlier} earlier):` : 'The actions, latest first:',
    '',
    '| Date | By | Tool | Action | Images |',
    '|---|---|---|---|--:|',
    ...actionRows(newestFirst.slice(0, SHOWN_ACTIONS)),
    '',
    "AcqMeta keeps the full journal (every write: who, when, each field's old and new value, the sidecar's checksum) in `.acqmeta/journal/` of the folder it wrote to: `acqmeta log <folder>` lists it, and `acqmeta export <folder> --format prov` writes it as W3C PROV-JSON.",
  ];
}
