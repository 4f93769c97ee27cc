import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../../../build/scripts/generate-artifacts';
import { validateSidecarObject } from '../../../../shared/validation';

const root = new URL('../../../../', import.meta.url);

const minimal = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('test/fixtures/sidecars/minimal-2ch-imagej.tif.json', root), 'utf8')) as Record<
    string,
    unknown
  >;

describe('generated validators', () => {
  it.each(['shared/validation/generated/validators.js', 'shared/validation/generated/validators.d.ts'])(
    '%s is up to date (regenerate with `node build/scripts/generate.mjs`)',
    (path) => {
      const artifact = generateArtifacts().find((a) => a.path === path);
      expect(artifact).toBeDefined();
      expect(readFileSync(new URL(path, root), 'utf8')).toBe(artifact?.content);
    },
  );

  it('need no eval at run time (the renderer CSP has no unsafe-eval)', () => {
    const code = readFileSync(new URL('shared/validation/generated/validators.js', root), 'utf8');
    expect(code).not.toMatch(/new Function|\beval\(|\brequire\(/);
  });
});

describe('validateSidecarObject', () => {
  it('accepts a valid sidecar', () => {
    expect(validateSidecarObject(minimal())).toEqual([]);
  });

  it('words field and structure problems for people', () => {
    const sidecar = minimal();
    sidecar.version = 3;
    sidecar.extra = true;
    delete sidecar.analysis;
    sidecar.experiment_metadata = { ...(sidecar.experiment_metadata as object), branch_order: 2.5, species: 7 };
    sidecar.image_header_metadata = { ...(sidecar.image_header_metadata as object), physical_unit_x: -2 };
    sidecar.rois = [
      {
        roi_id: 1,
        roi_type: 'rectroi',
        version: '1.0',
        name: 'a',
        note: '',
        data: { row_start: 0, row_stop: 5, col_start: 0 },
      },
      {
        roi_id: 1.5,
        roi_type: 'linesegmentroi',
        version: '2.0',
        name: 'b',
        note: '',
        data: { row0: 0, col0: 0, row1: 1, col1: 'x' },
      },
    ];
    sidecar.image_contrast = { '0': 'gray' };
    expect(validateSidecarObject(sidecar)).toEqual([
      'required key "analysis" is missing',
      'unknown top-level key "extra": CloudScope warns about it and drops it on its next save',
      'version is 3; only version 2 is supported',
      'ROI 1, data: required key "col_stop" is missing',
      'ROI 2, data, col1: must be a number (got "x")',
      'ROI 2, id: must be a whole number (got 1.5)',
      'ROI 2, version: must be "1.0" (got "2.0")',
      'Species: must be text (got 7)',
      'Branch order: must be a whole number (got 2.5)',
      'Pixel size X: must be greater than 0',
      'image contrast, channel "0": must be an object (got "gray")',
    ]);
  });

  it('says so when the top level is not an object', () => {
    expect(validateSidecarObject([])).toEqual(['the top level must be an object (got a list)']);
  });
});
