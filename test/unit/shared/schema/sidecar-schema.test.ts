import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../../../build/scripts/generate-artifacts';
import { EXPERIMENT_FIELDS, HEADER_FIELDS } from '../../../../shared/fields/field-table';
import { buildSidecarSchema } from '../../../../shared/schema';
import { readJson } from '../../../../shared/sidecar/json-reader';
import { toPlain } from '../../../../shared/sidecar/json-tree';

const root = new URL('../../../../', import.meta.url);

function plainFixture(name: string): unknown {
  const read = readJson(readFileSync(new URL(`test/fixtures/sidecars/${name}`, root), 'utf8'));
  if (!read.ok) throw new Error(read.message);
  return toPlain(read.value);
}

describe('the sidecar JSON Schema', () => {
  it('is published up to date (regenerate with `node build/scripts/generate.mjs`)', () => {
    const artifact = generateArtifacts().find((a) => a.path === 'shared/schema/acqimage-sidecar.schema.json');
    expect(artifact).toBeDefined();
    expect(readFileSync(new URL('shared/schema/acqimage-sidecar.schema.json', root), 'utf8')).toBe(artifact?.content);
  });

  it('describes every field of the field table with its type and default', () => {
    const schema = buildSidecarSchema() as { properties: Record<string, { properties: Record<string, unknown> }> };
    const sections = { experiment_metadata: EXPERIMENT_FIELDS, image_header_metadata: HEADER_FIELDS };
    for (const [section, fields] of Object.entries(sections)) {
      expect(Object.keys(schema.properties[section]?.properties ?? {})).toEqual(fields.map((f) => f.name));
    }
    expect(schema.properties.experiment_metadata?.properties.depth).toMatchObject({
      type: ['number', 'null'],
      default: null,
      title: 'Depth',
    });
    expect(schema.properties.image_header_metadata?.properties.physical_unit_x).toMatchObject({
      type: 'number',
      exclusiveMinimum: 0,
      default: 1,
    });
  });

  it('compiles strictly with ajv and accepts CloudScope-written sidecars', () => {
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(buildSidecarSchema());
    for (const name of ['canonical.tif.json', 'old-is-dirty.tif.json', 'minimal-2ch-imagej.tif.json']) {
      expect(validate(plainFixture(name)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(plainFixture('version-3.tif.json'))).toBe(false);
    expect(validate(plainFixture('missing-rois.tif.json'))).toBe(false);
  });
});
