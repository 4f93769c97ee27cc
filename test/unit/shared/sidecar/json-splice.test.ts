import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue } from '../../../../shared/fields/field-table';
import { applyToTree } from '../../../../shared/sidecar/edit-tree';
import { readJson } from '../../../../shared/sidecar/json-reader';
import { spliceJson } from '../../../../shared/sidecar/json-splice';
import type { JsonObject } from '../../../../shared/sidecar/json-tree';
import { writeJson } from '../../../../shared/sidecar/json-writer';
import { validateChanges } from '../../../../shared/validation';
import { fixtureText } from './fixture-text';

function treeOf(text: string): JsonObject {
  const read = readJson(text);
  if (!read.ok || read.value.kind !== 'object') throw new Error('not an object');
  return read.value;
}

/** A small deterministic generator, so a failure names the case that broke. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const TEXTS = ['', 'mouse', 'Thy1-GCaMP6s', 'café "µm"', 'tab\there', 'back\\slash', '🐭 ok', 'line\nbreak', 'x'.repeat(300)];

function valueFor(spec: FieldSpec, next: () => number): FieldValue {
  if (spec.type === 'bool') return next() < 0.5;
  if (spec.type === 'str') return TEXTS[Math.floor(next() * TEXTS.length)] as string;
  if (next() < 0.2) return null;
  return spec.type === 'int' ? Math.floor(next() * 40) : [0.5, 75, 1e-5, 1e16, 123.456, 0.1 + 0.2][Math.floor(next() * 6)] as number;
}

const CLOUDSCOPE_FILES = ['canonical.tif.json', 'minimal-2ch-imagej.tif.json', 'old-is-dirty.tif.json', 'missing-rois.tif.json'];

describe('spliceJson', () => {
  it.each(CLOUDSCOPE_FILES)('gives the bytes of writing the whole tree, for 300 random edits of %s', (name) => {
    const text = fixtureText(name);
    const before = treeOf(text);
    expect(writeJson(before)).toBe(text); // a file CloudScope wrote
    const next = random(name.length);
    let spliced = 0;
    for (let round = 0; round < 300; round++) {
      const fields = EDITABLE_FIELDS.filter(() => next() < 0.3);
      const changes = Object.fromEntries(
        fields.map((spec) => [spec.name, valueFor(spec, next)]).filter(([name, value]) => validateChanges({ [name as string]: value as FieldValue }).length === 0),
      );
      const after = applyToTree(before, changes).root;
      const result = spliceJson(text, before, after);
      if (result !== null) spliced++;
      expect(result ?? writeJson(after)).toBe(writeJson(after));
    }
    expect(spliced).toBeGreaterThan(100);
  });

  it('gives up where the writer would lay the text out otherwise', () => {
    const text = fixtureText('canonical.tif.json');
    const before = treeOf(text);
    const after = applyToTree(before, { species: 'rat' }).root;
    const variants = [
      `${text}\n`, // a trailing newline
      text.replace('"accepted": true', '"accepted":  true'), // other spacing
      text.replace(/\n {4}"species"/, '\n\t\t"species"'), // tabs
      text.replace('"accepted": true,\n  "analysis"', '"analysis"'), // not this tree
    ];
    for (const variant of variants) {
      const tree = treeOf(variant.replace('"analysis"', '"accepted": true,\n  "analysis"'));
      expect(spliceJson(variant, tree, applyToTree(tree, { species: 'rat' }).root)).toBeNull();
    }
    expect(spliceJson(text, before, after)).toBe(writeJson(after));
  });

  it('gives up on keys out of order, on escapes the writer would not use, and on a key added', () => {
    const unsorted = '{\n  "b": 1,\n  "a": 2\n}';
    const escaped = '{\n  "experiment_metadata": {\n    "species": "\\u0041"\n  }\n}';
    for (const text of [unsorted, escaped]) {
      const tree = treeOf(text);
      expect(spliceJson(text, tree, applyToTree(tree, { note: 'x' }).root)).toBeNull();
    }
    const text = fixtureText('old-is-dirty.tif.json');
    const tree = treeOf(text);
    const added = applyToTree(tree, { age: 'P30' }).root; // the older file has no "age" key
    expect(spliceJson(text, tree, added)).toBeNull();
  });
});
