import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue } from '../../../../shared/fields/field-table';
import { applyToTree } from '../../../../shared/sidecar/edit-tree';
import { readJson } from '../../../../shared/sidecar/json-reader';
import { spliceJson } from '../../../../shared/sidecar/json-splice';
import type { JsonObject } from '../../../../shared/sidecar/json-tree';
import { writeJson } from '../../../../shared/sidecar/json-writer';
import { validateChanges } from '../../../../shared/validation';
import { fixtureText } from './fixture-text';

function read(text: string): { tree: JsonObject; canonical: boolean } {
  const result = readJson(text);
  if (!result.ok || result.value.kind !== 'object') throw new Error('not an object');
  return { tree: result.value, canonical: result.canonical };
}

/** A small deterministic generator, so a failure names the case that broke. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const TEXTS = [
  '',
  'mouse',
  'Thy1-GCaMP6s',
  'café "µm"',
  'tab\there',
  'back\\slash',
  '🐭 ok',
  'line\nbreak',
  'x'.repeat(300),
];

function valueFor(spec: FieldSpec, next: () => number): FieldValue {
  if (spec.type === 'bool') return next() < 0.5;
  if (spec.type === 'str') return TEXTS[Math.floor(next() * TEXTS.length)] as string;
  if (next() < 0.2) return null;
  return spec.type === 'int'
    ? Math.floor(next() * 40)
    : ([0.5, 75, 1e-5, 1e16, 123.456, 0.1 + 0.2][Math.floor(next() * 6)] as number);
}

const CLOUDSCOPE_FILES = [
  'canonical.tif.json',
  'minimal-2ch-imagej.tif.json',
  'old-is-dirty.tif.json',
  'missing-rois.tif.json',
];

/** Texts the writer would lay out otherwise, each made from a CloudScope file. */
function variants(text: string): string[] {
  return [
    `${text}\n`, // a trailing newline
    ` ${text}`, // a leading space
    text.replace('"accepted": true', '"accepted":  true'), // other spacing
    text.replace('"accepted": true', '"accepted" : true'),
    text.replace('"accepted": true,', '"accepted": true ,'),
    text.replace(/\n {4}"species"/, '\n\t\t"species"'), // tabs
    text.replace(/\n {4}"species"/, '\n     "species"'), // one space too many
    text.replaceAll('\n', '\r\n'), // Windows line ends
    text
      .replace('"accepted": true,\n  "analysis"', '"analysis"')
      .replace('"version"', '"accepted": true,\n  "version"'), // keys out of order
    text.replace('"species": "', '"species": "\\u0041'), // an escape Python would not write
    text.replace('"species": "', '"species": "\\/'),
    text.replace('"species": "', '"species": "é'), // Python writes \u00e9
    text.replace('"species": "', '"species": "\\u00E9'), // upper-case hex
    text.replace('"species": "', '"species": "\\u000a'), // Python writes \n
    text.replace('"species": "', '"species": "\\u0022'), // Python writes \"
    text.replace('"species": "', '"species": "\u007f'), // Python escapes DEL
    text.replace('"rois": [', '"rois": [ ').replace('"rois": [ ]', '"rois": [  ]'),
    text.replace(/\n}$/, '}'),
  ].filter((variant) => variant !== text);
}

describe('readJson canonical', () => {
  it.each(CLOUDSCOPE_FILES)(
    'says canonical exactly when the writer gives the text back: %s and its variants',
    (name) => {
      const text = fixtureText(name);
      expect(read(text).canonical).toBe(true);
      for (const variant of variants(text)) {
        const { tree, canonical } = read(variant);
        expect({ variant, canonical }).toEqual({ variant, canonical: writeJson(tree) === variant });
        expect(canonical).toBe(false);
      }
    },
  );

  it('agrees with the writer on strings of every kind', () => {
    for (const value of [...TEXTS, '\u0000\u001f\u007f', '"quoted"', 'a/b', '\ud83d\udc2d', 'µm']) {
      const canonical = `{\n  "note": ${writeJson({ kind: 'string', value, offset: -1 })}\n}`;
      expect(read(canonical).canonical).toBe(true);
    }
    expect(read('{\n  "a": {},\n  "b": []\n}').canonical).toBe(true);
    expect(read('{\n  "a": { },\n  "b": []\n}').canonical).toBe(false);
  });
});

describe('spliceJson', () => {
  it.each(CLOUDSCOPE_FILES)('gives the bytes of writing the whole tree, for 300 random edits of %s', (name) => {
    const text = fixtureText(name);
    const { tree: before } = read(text);
    const next = random(name.length);
    let spliced = 0;
    for (let round = 0; round < 300; round++) {
      const fields = EDITABLE_FIELDS.filter(() => next() < 0.3);
      const changes = Object.fromEntries(
        fields
          .map((spec) => [spec.name, valueFor(spec, next)])
          .filter(([name, value]) => validateChanges({ [name as string]: value as FieldValue }).length === 0),
      );
      const after = applyToTree(before, changes).root;
      const result = spliceJson(text, before, after);
      if (result !== null) spliced++;
      expect(result ?? writeJson(after)).toBe(writeJson(after));
    }
    expect(spliced).toBeGreaterThan(100);
  });

  it('gives up when a key is added', () => {
    const text = fixtureText('old-is-dirty.tif.json');
    const { tree } = read(text);
    const added = applyToTree(tree, { age: 'P30' }).root; // the older file has no "age" key
    expect(spliceJson(text, tree, added)).toBeNull();
  });
});
