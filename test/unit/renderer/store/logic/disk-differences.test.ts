import { describe, expect, it } from 'vitest';
import { changesKeeping, fieldDifferences } from '../../../../../renderer/src/store/logic/disk-differences';
import { valueEdit, type PathEdits } from '../../../../../renderer/src/store/logic/edit-logic';
import { makeRow } from '../fake-client';

const row = makeRow('a.tif', { species: 'rat', depth: 120.5 });
const edits: PathEdits = {
  genotype: valueEdit('genotype', 'WT', '')!,
  depth: valueEdit('depth', 80, 120.5)!,
};

describe('fieldDifferences', () => {
  it('lists the fields either side changed, with the value both started from', () => {
    const theirs = makeRow('a.tif', { species: 'mouse', genotype: 'KO', depth: 120.5 });
    expect(fieldDifferences(row, edits, theirs)).toEqual(
      [
        { name: 'depth', label: 'Depth', base: 120.5, mine: 80 },
        { name: 'genotype', label: 'Genotype', base: '', theirs: 'KO', mine: 'WT' },
        { name: 'species', label: 'Species', base: 'rat', theirs: 'mouse' },
      ].sort((a, b) => order(a.name) - order(b.name)),
    );
  });

  it('lists only my edits while their file is unknown or unreadable', () => {
    const damaged = makeRow('a.tif', {}, { sidecar: 'invalid' });
    for (const theirs of [null, damaged])
      expect(fieldDifferences(row, edits, theirs).map((d) => [d.name, d.theirs])).toEqual(
        [
          ['depth', undefined],
          ['genotype', undefined],
        ].sort((a, b) => order(a[0]!) - order(b[0]!)),
      );
  });
});

describe('changesKeeping', () => {
  it('writes my edits except those of the fields whose value of theirs is kept', () => {
    expect(changesKeeping(row, edits, new Set(['genotype']))).toEqual({ depth: 80 });
    expect(changesKeeping(row, edits, new Set())).toEqual({ genotype: 'WT', depth: 80 });
  });
});

/** A field's place in the field table, which the differences follow. */
function order(name: string): number {
  return Object.keys(row.values).indexOf(name);
}
