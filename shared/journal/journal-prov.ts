/**
 * The change journal as a W3C PROV-JSON document (https://www.w3.org/submissions/prov-json/),
 * the provenance format repositories and PROV tools read: each sidecar version an entity, each
 * batch (one action: a save, a bulk set, an import, a restore) an activity, each person
 * (user@host) and each program an agent. The ids are documented in docs/cli.md ("PROV-JSON").
 * Pure; the same records give the same document, byte for byte.
 */
import { sidecarShownFor } from '../sidecar-location';
import { isOutsideChange, type JournalRecord, type JournalVersion } from './journal-record';

/** The namespace of the document's own ids (`acqmeta:`): sidecar versions, batches, agents. */
export const PROV_NAMESPACE = 'urn:acqmeta:prov:';
/** The namespace of the sidecar fields (`field:genotype`), as the sidecar's JSON Schema names them. */
export const PROV_FIELD_NAMESPACE = 'urn:acqmeta:field:';

/** An attribute value: plain JSON, or a typed literal (`{"$": "prov:Person", "type": "xsd:QName"}`). */
export type ProvValue = string | number | boolean | { $: string; type: string };

/** One element or relation: its attributes by qualified name. */
export type ProvAttributes = Record<string, ProvValue>;

/** The relations the document uses, with the word their ids start with (`_:generation1`). */
const RELATIONS = {
  wasGeneratedBy: 'generation',
  used: 'usage',
  wasDerivedFrom: 'derivation',
  wasAttributedTo: 'attribution',
  wasAssociatedWith: 'association',
  actedOnBehalfOf: 'delegation',
} as const;

type Relation = keyof typeof RELATIONS;

/** A PROV-JSON document: the prefixes, then the elements and relations by kind, each by its id. */
export type ProvDocument = { prefix: Record<string, string> } & Record<
  'entity' | 'activity' | 'agent' | Relation,
  Record<string, ProvAttributes>
>;

const qualifiedName = (name: string): ProvValue => ({ $: name, type: 'xsd:QName' });

/** Text as the local part of a qualified name: every character but letters, digits, `-_.~` percent-encoded. */
const localName = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const personOf = (record: JournalRecord): string =>
  `acqmeta:person/${localName(record.user)}@${localName(record.host)}`;
const programOf = (record: JournalRecord): string => `acqmeta:software/${localName(record.tool)}`;
const batchOf = (record: JournalRecord): string => `acqmeta:batch/${localName(record.batch)}`;
const writtenBy = (record: JournalRecord): string => `acqmeta:sidecar/${localName(record.id)}`;

/** The document being made, and the counters of its relations' ids. */
interface ProvBuilder {
  document: ProvDocument;
  /** Adds a relation of `kind`, under the next id of its kind. */
  relate(kind: Relation, attributes: ProvAttributes): void;
  /**
   * Adds the entity `id`, a version of `record`'s sidecar (once), with the values of the fields
   * the record changed that it holds: their `old` values for the version found, `new` for the one written.
   */
  version(id: string, record: JournalRecord, version: JournalVersion, values: 'old' | 'new'): void;
}

function provBuilder(folderName: string): ProvBuilder {
  const document: ProvDocument = {
    prefix: { acqmeta: PROV_NAMESPACE, field: PROV_FIELD_NAMESPACE },
    entity: {},
    activity: {},
    agent: {},
    wasGeneratedBy: {},
    used: {},
    wasDerivedFrom: {},
    wasAttributedTo: {},
    wasAssociatedWith: {},
    actedOnBehalfOf: {},
  };
  const counts = new Map<Relation, number>();
  return {
    document,
    relate(kind, attributes) {
      const count = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, count);
      document[kind][`_:${RELATIONS[kind]}${count}`] = attributes;
    },
    version(id, record, version, values) {
      const entity = (document.entity[id] ??= {
        'prov:type': qualifiedName('acqmeta:Sidecar'),
        'prov:label': sidecarShownFor(record.path),
        'prov:location': `${folderName}/${sidecarShownFor(record.path)}`,
        'acqmeta:image': record.path,
        'acqmeta:sha256': version.sha256,
        'acqmeta:size': version.size,
        'acqmeta:mtime': version.mtime,
      });
      // a field without a value (absent or empty) as ""
      for (const change of record.changes) entity[`field:${localName(change.field)}`] ??= change[values] ?? '';
    },
  };
}

/** A batch's activity, its person and program, and their association and delegation. */
function addBatch({ document, relate }: ProvBuilder, batch: readonly JournalRecord[]): void {
  // one action is one person's, with one program: the first record speaks for all
  const first = batch[0] as JournalRecord;
  const [person, program, activity] = [personOf(first), programOf(first), batchOf(first)];
  document.activity[activity] = {
    'prov:startTime': first.time,
    'prov:endTime': (batch.at(-1) as JournalRecord).time,
    'prov:label': first.action,
    'acqmeta:tool': first.tool,
    'acqmeta:writes': batch.length,
  };
  // a change by another program is known, not who made it: the user@host is whose AcqMeta saw it
  const outside = isOutsideChange(first);
  if (!outside) {
    document.agent[person] ??= {
      'prov:type': qualifiedName('prov:Person'),
      'prov:label': `${first.user}@${first.host}`,
      'acqmeta:user': first.user,
      'acqmeta:host': first.host,
    };
  }
  document.agent[program] ??= { 'prov:type': qualifiedName('prov:SoftwareAgent'), 'prov:label': first.tool };
  if (!outside) relate('wasAssociatedWith', { 'prov:activity': activity, 'prov:agent': person });
  relate('wasAssociatedWith', { 'prov:activity': activity, 'prov:agent': program });
  if (!outside)
    relate('actedOnBehalfOf', { 'prov:delegate': program, 'prov:responsible': person, 'prov:activity': activity });
}

/**
 * One write: the version it found (`found`: the one the image's previous record wrote, when the
 * checksums agree; else an entity of its own) used by its batch, and the version it wrote
 * generated by the batch, a revision of the one found, attributed to the person.
 */
function addWrite(builder: ProvBuilder, record: JournalRecord, found: string | null): void {
  const { relate } = builder;
  const [activity, time] = [batchOf(record), record.time];
  let before: string | null = null;
  if (record.before !== null) {
    before = found ?? `${writtenBy(record)}/before`;
    builder.version(before, record, record.before, 'old');
    relate('used', { 'prov:activity': activity, 'prov:entity': before, 'prov:time': time });
  }
  if (record.after === null) return;
  const after = writtenBy(record);
  builder.version(after, record, record.after, 'new');
  relate('wasGeneratedBy', { 'prov:entity': after, 'prov:activity': activity, 'prov:time': time });
  if (before !== null) {
    relate('wasDerivedFrom', {
      'prov:generatedEntity': after,
      'prov:usedEntity': before,
      'prov:activity': activity,
      'prov:type': qualifiedName('prov:Revision'),
    });
  }
  relate('wasAttributedTo', {
    'prov:entity': after,
    'prov:agent': isOutsideChange(record) ? programOf(record) : personOf(record),
  });
}

/** Whether `record` found the very version `previous` (the same image's record before it) wrote. */
const continues = (previous: JournalRecord | undefined, record: JournalRecord): previous is JournalRecord =>
  previous !== undefined &&
  previous.after !== null &&
  record.before !== null &&
  previous.after.sha256 === record.before.sha256;

/** The records of each batch (one action), the batches in the order of their first record. */
export function journalBatches(records: readonly JournalRecord[]): JournalRecord[][] {
  const batches = new Map<string, JournalRecord[]>();
  for (const record of records) {
    const batch = batches.get(record.batch);
    if (batch === undefined) batches.set(record.batch, [record]);
    else batch.push(record);
  }
  return [...batches.values()];
}

/**
 * The PROV-JSON document of a folder's journal records (paths relative to the folder named
 * `folderName`), oldest first by time. Entities (prov:type acqmeta:Sidecar):
 * `acqmeta:sidecar/<record id>`, the sidecar as that record wrote it, and
 * `acqmeta:sidecar/<record id>/before`, the version a record found that no record wrote (the
 * sidecar before AcqMeta journaled it, or as another program left it). Activities:
 * `acqmeta:batch/<batch id>`. Agents: `acqmeta:person/<user>@<host>` (prov:Person) and
 * `acqmeta:software/<tool>` (prov:SoftwareAgent), acting on the person's behalf.
 */
export function journalProv(records: readonly JournalRecord[], folderName: string): ProvDocument {
  const builder = provBuilder(folderName);
  const ordered = [...records].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  for (const batch of journalBatches(ordered)) addBatch(builder, batch);
  const latest = new Map<string, JournalRecord>();
  for (const record of ordered) {
    const previous = latest.get(record.path);
    addWrite(builder, record, continues(previous, record) ? writtenBy(previous) : null);
    latest.set(record.path, record);
  }
  return builder.document;
}
