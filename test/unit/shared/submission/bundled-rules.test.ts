import { describe, expect, it } from 'vitest';
import {
  HUBMAP_DIRECTORY_SCHEMAS,
  checkDirectory,
  compileGlob,
  findTarget,
  htanComponents,
  hubmapTemplates,
  loadDirectorySchemas,
  targetNames,
} from '../../../../shared/submission';

describe('the bundled rules', () => {
  it('record where each file came from: repository, path, commit and licence', () => {
    for (const { sources } of [HUBMAP_DIRECTORY_SCHEMAS, hubmapTemplates(), htanComponents()]) {
      for (const source of sources) {
        expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(source.licence).toBe('MIT License');
      }
    }
    expect(HUBMAP_DIRECTORY_SCHEMAS.sources).toContainEqual(
      expect.objectContaining({
        repository: 'hubmapconsortium/ingest-validation-tools',
        path: 'src/ingest_validation_tools/directory-schemas/confocal-v2.3.yaml',
      }),
    );
  });

  it('hold confocal v2.3’s directory schema, the latest confocal version', () => {
    const schema = findTarget('hubmap:confocal');
    expect(schema?.version).toBe('2.3');
    const required = schema!.files.filter((f) => f.required).map((f) => f.pattern);
    expect(required).toEqual(
      expect.arrayContaining([
        'extras\\/microscope_hardware\\.json$',
        'raw\\/channel_layout\\.tsv$',
        'lab_processed\\/images\\/[^\\/]+\\.ome\\.tiff$',
        'lab_processed\\/images\\/[^\\/]*ome-tiff\\.channels\\.csv$',
        'qa_qc\\/resolution_report\\/.*',
      ]),
    );
    expect(schema!.files.find((f) => f.pattern.startsWith('extras\\/microscope_hardware'))?.is_qa_qc).toBe(true);
    expect(findTarget('hubmap:confocal-v2.1')?.version).toBe('2.1');
    expect(findTarget('hubmap:confocal-v9')).toBeNull();
    expect(targetNames()).toContain('hubmap:segmentation-mask-v2.7');
  });

  it('hold the seven HuBMAP templates: columns in order, required fields, regex, terms and schema id', () => {
    const templates = hubmapTemplates().items;
    expect(templates.map((t) => t.name)).toEqual([
      'confocal',
      'lightsheet',
      'imc-2d',
      'segmentation-mask',
      'histology',
      'antibodies',
      'contributors',
    ]);
    const confocal = templates[0]!;
    expect(confocal.columns.slice(0, 3)).toEqual(['parent_sample_id', 'lab_id', 'preparation_protocol_doi']);
    expect(confocal.columns.at(-1)).toBe('metadata_schema_id');
    expect(confocal.metadataSchemaId).toMatch(/^[0-9a-f-]{36}$/);
    const parent = confocal.fields.find((f) => f.key === 'parent_sample_id')!;
    expect(parent).toMatchObject({ required: true, label: 'Parent sample ID' });
    expect(new RegExp(parent.regex!).test('HBM386.ZGKG.235')).toBe(true);
    const datasetType = confocal.fields.find((f) => f.key === 'dataset_type')!;
    expect(datasetType.terms).toContainEqual({
      label: 'Confocal',
      iri: 'https://purl.humanatlas.io/vocab/hravs#HRAVS_0000206',
    });
  });

  it('hold HTAN’s Imaging Level 2 attributes, their valid values and which are required', () => {
    const [level2, channels] = htanComponents().items;
    expect(level2!.name).toBe('Imaging Level 2');
    const names = level2!.attributes.map((a) => a.name);
    for (const name of ['Filename', 'File Format', 'Imaging Assay Type', 'Microscope', 'Objective', 'LensNA']) {
      expect(names).toContain(name);
    }
    expect(names).toEqual(expect.arrayContaining(['PhysicalSizeX', 'Channel Metadata Filename', 'Zstack', 'Pyramid']));
    const assayType = level2!.attributes.find((a) => a.name === 'Imaging Assay Type')!;
    expect(assayType.required).toBe(true);
    expect(assayType.validValues).toContain('CyCIF');
    expect(channels!.name).toBe('Imaging Level 3 Channels');
    expect(channels!.attributes.map((a) => a.name)).toContain('Channel Name');
  });
});

describe('a malformed bundle is refused with an error naming what is wrong', () => {
  const source = { repository: 'r', path: 'p', commit: 'c', licence: 'MIT' };
  it.each([
    [null, 'schemas: no sources block'],
    [{ sources: [{ repository: 'r' }], schemas: [] }, 'schemas: source 1 has no path'],
    [{ sources: [source] }, 'schemas: no schemas list'],
    [{ sources: [source], schemas: [{ assay: 'x' }] }, 'schemas: schema 1 has no assay or version'],
    [
      { sources: [source], schemas: [{ assay: 'x', version: '1.0', files: [{ pattern: 'a' }] }] },
      'x-v1.0) has an entry',
    ],
  ])('%j', (data, message) => {
    expect(() => loadDirectorySchemas(data, 'schemas')).toThrow(message);
  });
  it('templates and HTAN manifests alike', () => {
    expect(() => hubmapTemplates({ sources: [source], templates: [{}] })).toThrow(
      'HuBMAP metadata templates: no templates list, or an entry without a name',
    );
    expect(() => htanComponents({ sources: [] })).toThrow('HTAN imaging manifests: no sources block');
  });
  it('a schema pattern RE2 cannot run is named, not run', () => {
    const schema = { assay: 'x', version: '1.0', files: [{ pattern: '(?=a)b', required: true }] };
    expect(() => checkDirectory(['b'], schema)).toThrow('hubmap:x-v1.0: pattern "(?=a)b" cannot be used');
  });
});

describe('ignore globs follow Python’s fnmatch', () => {
  it.each([
    ['*metadata.tsv', 'sub/dir/x-metadata.tsv', true],
    ['raw/*', 'raw/a/b/c', true],
    ['a?c', 'a/c', true],
    ['[!a]b', 'ab', false],
    ['[!a]b', 'cb', true],
    ['[]]x', ']x', true],
    ['[x', '[x', true],
    ['*.TXT', 'a.txt', false],
    ['*', 'line\nbreak', true],
    ['a.b', 'axb', false],
  ])('%s on %j: %s', (glob, path, expected) => {
    expect(compileGlob(glob).test(path)).toBe(expected);
  });
});
