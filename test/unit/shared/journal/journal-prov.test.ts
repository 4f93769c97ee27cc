import Ajv, { type JSONSchemaType } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { journalProv, type JournalRecord, type ProvDocument } from '../../../../shared/journal';

const version = (sha256: string, size = 100) => ({ size, mtime: 1795562943741.5, sha256 });

function record(fields: Partial<JournalRecord> & Pick<JournalRecord, 'id' | 'batch' | 'time' | 'path'>): JournalRecord {
  return {
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'set --set genotype=Thy1',
    changes: [],
    before: null,
    after: null,
    ...fields,
  };
}

/** ana sets genotype on m1 (updated) and m2 (created); ben adds species to m1 in the app; ana restores m1 before ben's batch. */
const HISTORY: JournalRecord[] = [
  record({
    id: 'r1',
    batch: 'set',
    time: '2026-11-24T09:15:02.100Z',
    path: 'raw/m1.tif',
    changes: [{ field: 'genotype', old: 'WT', new: 'Thy1' }],
    before: version('s0'),
    after: version('s1'),
  }),
  record({
    id: 'r2',
    batch: 'set',
    time: '2026-11-24T09:15:02.300Z',
    path: 'raw/m2.tif',
    changes: [{ field: 'genotype', old: '', new: 'Thy1' }],
    after: version('w1'),
  }),
  record({
    id: 'r3',
    batch: 'preset',
    time: '2026-11-25T14:00:00.000Z',
    path: 'raw/m1.tif',
    user: 'ben',
    host: 'scope-pc',
    tool: 'AcqMeta',
    action: 'Preset “Thy1 cohort 3”',
    changes: [{ field: 'species', old: null, new: 'mouse', added: true }],
    before: version('s1'),
    after: version('s2'),
  }),
  record({
    id: 'r4',
    batch: 'restore',
    time: '2026-11-26T08:00:00.000Z',
    path: 'raw/m1.tif',
    action: 'restore --before preset',
    changes: [{ field: 'species', old: 'mouse', new: null }],
    before: version('s2'),
    // the restore gives back the very bytes the set wrote
    after: version('s1'),
  }),
];

type Relations = ProvDocument['wasGeneratedBy'];

/** The attributes of every relation of a kind, as [attribute, value] lists, in document order. */
const pairs = (relations: Relations, ...keys: string[]) => Object.values(relations).map((r) => keys.map((k) => r[k]));

/** The PROV-JSON schema of the W3C submission (draft-04 there), for the kinds this document uses. */
function provJsonValidator() {
  const uri = { type: 'string', format: 'uri' };
  const time = { type: 'string', format: 'date-time' };
  const relation = (properties: Record<string, object>, required: string[]) => ({
    type: 'object',
    properties,
    required,
    additionalProperties: { $ref: '#/definitions/attributeValues' },
  });
  const byId = (definition: string) => ({
    type: 'object',
    additionalProperties: { $ref: `#/definitions/${definition}` },
  });
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      prefix: { type: 'object', patternProperties: { '^[a-zA-Z0-9_\\-]+$': uri }, additionalProperties: false },
      entity: byId('element'),
      activity: byId('activity'),
      agent: byId('element'),
      wasGeneratedBy: byId('generation'),
      used: byId('usage'),
      wasDerivedFrom: byId('derivation'),
      wasAttributedTo: byId('attribution'),
      wasAssociatedWith: byId('association'),
      actedOnBehalfOf: byId('delegation'),
    },
    definitions: {
      typedLiteral: {
        type: 'object',
        properties: { $: { type: 'string' }, type: uri, lang: { type: 'string' } },
        required: ['$'],
        additionalProperties: false,
      },
      attributeValues: {
        anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { $ref: '#/definitions/typedLiteral' }],
      },
      element: { type: 'object', additionalProperties: { $ref: '#/definitions/attributeValues' } },
      activity: relation({ 'prov:startTime': time, 'prov:endTime': time }, []),
      generation: relation({ 'prov:entity': uri, 'prov:activity': uri, 'prov:time': time }, ['prov:entity']),
      usage: relation({ 'prov:activity': uri, 'prov:entity': uri, 'prov:time': time }, ['prov:activity']),
      derivation: relation({ 'prov:generatedEntity': uri, 'prov:usedEntity': uri, 'prov:activity': uri }, [
        'prov:generatedEntity',
        'prov:usedEntity',
      ]),
      attribution: relation({ 'prov:entity': uri, 'prov:agent': uri }, ['prov:entity', 'prov:agent']),
      association: relation({ 'prov:activity': uri, 'prov:agent': uri }, ['prov:activity']),
      delegation: relation({ 'prov:delegate': uri, 'prov:responsible': uri, 'prov:activity': uri }, [
        'prov:delegate',
        'prov:responsible',
      ]),
    },
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema as unknown as JSONSchemaType<ProvDocument>);
}

/** The attributes of relations that refer to an element, and the kind of element. */
const REFERENCE_KINDS: Record<string, 'entity' | 'activity' | 'agent'> = {
  'prov:entity': 'entity',
  'prov:generatedEntity': 'entity',
  'prov:usedEntity': 'entity',
  'prov:activity': 'activity',
  'prov:agent': 'agent',
  'prov:delegate': 'agent',
  'prov:responsible': 'agent',
};
const REFERENCES = new Set(Object.keys(REFERENCE_KINDS));

/** The references of relations to no element of the right kind. */
function danglingReferences(document: ProvDocument): string[] {
  const relationKinds = [
    'wasGeneratedBy',
    'used',
    'wasDerivedFrom',
    'wasAttributedTo',
    'wasAssociatedWith',
    'actedOnBehalfOf',
  ] as const;
  return relationKinds.flatMap((kind) =>
    Object.values(document[kind]).flatMap((relation) =>
      Object.entries(relation).flatMap(([attribute, value]) => {
        const target = REFERENCE_KINDS[attribute];
        return target === undefined || Object.hasOwn(document[target], value as string)
          ? []
          : [`${kind} ${attribute} ${String(value)}`];
      }),
    ),
  );
}

/** The qualified names of a document: ids, attribute names, references, and typed literals of type xsd:QName. */
function qualifiedNames(document: ProvDocument): string[] {
  const { prefix: _, ...sections } = document;
  return Object.values(sections).flatMap((records) =>
    Object.entries(records).flatMap(([id, attributes]) => [
      id,
      ...Object.entries(attributes).flatMap(([name, value]) => {
        if (typeof value === 'object') return value.type === 'xsd:QName' ? [name, value.$, value.type] : [name];
        return REFERENCES.has(name) ? [name, value as string] : [name];
      }),
    ]),
  );
}

describe('journalProv', () => {
  const document = journalProv(HISTORY, 'vessels-2024');

  it('is a PROV-JSON document: the submission schema holds, every reference and prefix is declared', () => {
    const validate = provJsonValidator();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(danglingReferences(document)).toEqual([]);
    const declared = new Set(['prov', 'xsd', '_', ...Object.keys(document.prefix)]);
    const undeclared = qualifiedNames(document).filter((name) => !declared.has(name.slice(0, name.indexOf(':'))));
    expect(undeclared).toEqual([]);
    expect(document.prefix).toEqual({ acqmeta: 'urn:acqmeta:prov:', field: 'urn:acqmeta:field:' });
  });

  it('makes each batch an activity, from its first write to its last, with its action and tool', () => {
    expect(document.activity).toEqual({
      'acqmeta:batch/set': {
        'prov:startTime': '2026-11-24T09:15:02.100Z',
        'prov:endTime': '2026-11-24T09:15:02.300Z',
        'prov:label': 'set --set genotype=Thy1',
        'acqmeta:tool': 'acqmeta',
        'acqmeta:writes': 2,
      },
      'acqmeta:batch/preset': {
        'prov:startTime': '2026-11-25T14:00:00.000Z',
        'prov:endTime': '2026-11-25T14:00:00.000Z',
        'prov:label': 'Preset “Thy1 cohort 3”',
        'acqmeta:tool': 'AcqMeta',
        'acqmeta:writes': 1,
      },
      'acqmeta:batch/restore': {
        'prov:startTime': '2026-11-26T08:00:00.000Z',
        'prov:endTime': '2026-11-26T08:00:00.000Z',
        'prov:label': 'restore --before preset',
        'acqmeta:tool': 'acqmeta',
        'acqmeta:writes': 1,
      },
    });
  });

  it('makes each user@host a person and each tool a software agent acting on their behalf', () => {
    const person = { $: 'prov:Person', type: 'xsd:QName' };
    const software = { $: 'prov:SoftwareAgent', type: 'xsd:QName' };
    expect(document.agent).toEqual({
      'acqmeta:person/ana@lab-pc': {
        'prov:type': person,
        'prov:label': 'ana@lab-pc',
        'acqmeta:user': 'ana',
        'acqmeta:host': 'lab-pc',
      },
      'acqmeta:software/acqmeta': { 'prov:type': software, 'prov:label': 'acqmeta' },
      'acqmeta:person/ben@scope-pc': {
        'prov:type': person,
        'prov:label': 'ben@scope-pc',
        'acqmeta:user': 'ben',
        'acqmeta:host': 'scope-pc',
      },
      'acqmeta:software/AcqMeta': { 'prov:type': software, 'prov:label': 'AcqMeta' },
    });
    expect(pairs(document.wasAssociatedWith, 'prov:activity', 'prov:agent')).toEqual([
      ['acqmeta:batch/set', 'acqmeta:person/ana@lab-pc'],
      ['acqmeta:batch/set', 'acqmeta:software/acqmeta'],
      ['acqmeta:batch/preset', 'acqmeta:person/ben@scope-pc'],
      ['acqmeta:batch/preset', 'acqmeta:software/AcqMeta'],
      ['acqmeta:batch/restore', 'acqmeta:person/ana@lab-pc'],
      ['acqmeta:batch/restore', 'acqmeta:software/acqmeta'],
    ]);
    expect(pairs(document.actedOnBehalfOf, 'prov:delegate', 'prov:responsible', 'prov:activity')).toEqual([
      ['acqmeta:software/acqmeta', 'acqmeta:person/ana@lab-pc', 'acqmeta:batch/set'],
      ['acqmeta:software/AcqMeta', 'acqmeta:person/ben@scope-pc', 'acqmeta:batch/preset'],
      ['acqmeta:software/acqmeta', 'acqmeta:person/ana@lab-pc', 'acqmeta:batch/restore'],
    ]);
  });

  it('chains the versions of a sidecar: each write uses the one before and generates a revision of it', () => {
    expect(Object.keys(document.entity)).toEqual([
      'acqmeta:sidecar/r1/before',
      'acqmeta:sidecar/r1',
      'acqmeta:sidecar/r2',
      'acqmeta:sidecar/r3',
      'acqmeta:sidecar/r4',
    ]);
    expect(pairs(document.used, 'prov:activity', 'prov:entity', 'prov:time')).toEqual([
      ['acqmeta:batch/set', 'acqmeta:sidecar/r1/before', '2026-11-24T09:15:02.100Z'],
      ['acqmeta:batch/preset', 'acqmeta:sidecar/r1', '2026-11-25T14:00:00.000Z'],
      ['acqmeta:batch/restore', 'acqmeta:sidecar/r3', '2026-11-26T08:00:00.000Z'],
    ]);
    expect(pairs(document.wasGeneratedBy, 'prov:entity', 'prov:activity')).toEqual([
      ['acqmeta:sidecar/r1', 'acqmeta:batch/set'],
      ['acqmeta:sidecar/r2', 'acqmeta:batch/set'],
      ['acqmeta:sidecar/r3', 'acqmeta:batch/preset'],
      ['acqmeta:sidecar/r4', 'acqmeta:batch/restore'],
    ]);
    // the created sidecar (r2) is derived from nothing; the restored one is a new version, not the set's again
    const revision = { $: 'prov:Revision', type: 'xsd:QName' };
    expect(
      pairs(document.wasDerivedFrom, 'prov:generatedEntity', 'prov:usedEntity', 'prov:activity', 'prov:type'),
    ).toEqual([
      ['acqmeta:sidecar/r1', 'acqmeta:sidecar/r1/before', 'acqmeta:batch/set', revision],
      ['acqmeta:sidecar/r3', 'acqmeta:sidecar/r1', 'acqmeta:batch/preset', revision],
      ['acqmeta:sidecar/r4', 'acqmeta:sidecar/r3', 'acqmeta:batch/restore', revision],
    ]);
    expect(pairs(document.wasAttributedTo, 'prov:entity', 'prov:agent')).toEqual([
      ['acqmeta:sidecar/r1', 'acqmeta:person/ana@lab-pc'],
      ['acqmeta:sidecar/r2', 'acqmeta:person/ana@lab-pc'],
      ['acqmeta:sidecar/r3', 'acqmeta:person/ben@scope-pc'],
      ['acqmeta:sidecar/r4', 'acqmeta:person/ana@lab-pc'],
    ]);
  });

  it('describes each version: file, checksum, size, and the values of the fields the writes changed', () => {
    expect(document.entity['acqmeta:sidecar/r1']).toEqual({
      'prov:type': { $: 'acqmeta:Sidecar', type: 'xsd:QName' },
      'prov:label': 'raw/m1.tif.json',
      'prov:location': 'vessels-2024/raw/m1.tif.json',
      'acqmeta:image': 'raw/m1.tif',
      'acqmeta:sha256': 's1',
      'acqmeta:size': 100,
      'acqmeta:mtime': 1795562943741.5,
      // genotype as the set wrote it; species as ben's write found it (absent)
      'field:genotype': 'Thy1',
      'field:species': '',
    });
    expect(document.entity['acqmeta:sidecar/r1/before']).toMatchObject({
      'acqmeta:sha256': 's0',
      'field:genotype': 'WT',
    });
    expect(document.entity['acqmeta:sidecar/r4']).toMatchObject({ 'acqmeta:sha256': 's1', 'field:species': '' });
  });

  it('gives a version another program made between two writes an entity of its own', () => {
    const edited = { ...(HISTORY[2] as JournalRecord), before: version('changed-elsewhere') };
    const outside = journalProv([HISTORY[0] as JournalRecord, edited], 'x');
    expect(pairs(outside.wasDerivedFrom, 'prov:generatedEntity', 'prov:usedEntity')).toEqual([
      ['acqmeta:sidecar/r1', 'acqmeta:sidecar/r1/before'],
      ['acqmeta:sidecar/r3', 'acqmeta:sidecar/r3/before'],
    ]);
    expect(outside.entity['acqmeta:sidecar/r3/before']).toMatchObject({ 'acqmeta:sha256': 'changed-elsewhere' });
  });

  it('attributes a change another program made to that program, not to whose AcqMeta saw it', () => {
    const outside = record({
      id: 'o1',
      batch: 'seen',
      time: '2026-11-27T10:00:00.000Z',
      path: 'raw/m2.tif',
      user: 'cy',
      host: 'office-pc',
      tool: 'another program',
      action: 'changed outside AcqMeta',
      changes: [{ field: 'genotype', old: 'Thy1', new: 'KO' }],
      before: version('w1'),
      after: version('w2'),
    });
    const doc = journalProv([...HISTORY, outside], 'lab');
    const attributed = Object.values(doc.wasAttributedTo).find((a) => a['prov:entity'] === 'acqmeta:sidecar/o1');
    expect(attributed?.['prov:agent']).toBe('acqmeta:software/another%20program');
    expect(doc.agent).not.toHaveProperty('acqmeta:person/cy@office-pc');
    const associated = Object.values(doc.wasAssociatedWith).filter((a) => a['prov:activity'] === 'acqmeta:batch/seen');
    expect(associated.map((a) => a['prov:agent'])).toEqual(['acqmeta:software/another%20program']);
  });

  it('is the same document, byte for byte, whatever order the records come in', () => {
    const shuffled = [HISTORY[3], HISTORY[1], HISTORY[0], HISTORY[2]] as JournalRecord[];
    expect(JSON.stringify(journalProv(shuffled, 'vessels-2024'))).toBe(JSON.stringify(document));
  });

  it('percent-encodes what a qualified name cannot hold, and is empty without records', () => {
    const named = journalProv([record({ ...(HISTORY[1] as JournalRecord), user: "Ana María (O'Neil)" })], 'x');
    expect(Object.keys(named.agent)).toContain('acqmeta:person/Ana%20Mar%C3%ADa%20%28O%27Neil%29@lab-pc');
    const empty = journalProv([], 'x');
    expect(
      Object.values(empty)
        .slice(1)
        .every((records) => Object.keys(records).length === 0),
    ).toBe(true);
  });
});
