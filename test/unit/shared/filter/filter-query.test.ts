import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../shared/filter';

describe('parseFilter', () => {
  it('reads words, quoted phrases and negation', () => {
    expect(parseFilter('  Mouse "wild type"  -V1 ').terms).toEqual([
      { negate: false, kind: 'text', text: 'mouse' },
      { negate: false, kind: 'text', text: 'wild type' },
      { negate: true, kind: 'text', text: 'v1' },
    ]);
  });

  it('names fields by key, header or display name, in any case and spacing', () => {
    const columns = [
      'genotype:WT',
      'Genotype:wt',
      '"cell type":x',
      'cell_type:x',
      'CellType:x',
      'dtype:uint8',
      '"Data type":uint8',
      'ch:2',
      'Depth:>1',
    ].map((text) => (parseFilter(text).terms[0] as { column: string }).column);
    expect(columns).toEqual([
      'genotype',
      'genotype',
      'cell_type',
      'cell_type',
      'cell_type',
      'dtype',
      'dtype',
      'channels',
      'depth',
    ]);
  });

  it('compares numbers, tells exact from contained and empty, and knows the sidecar states', () => {
    expect(parseFilter('depth:>100 depth:<=5 depth:7 branch_order:=2').terms).toEqual([
      { negate: false, kind: 'compare', column: 'depth', op: '>', value: 100 },
      { negate: false, kind: 'compare', column: 'depth', op: '<=', value: 5 },
      { negate: false, kind: 'compare', column: 'depth', op: '=', value: 7 },
      { negate: false, kind: 'compare', column: 'branch_order', op: '=', value: 2 },
    ]);
    expect(parseFilter('genotype:="Thy1 GFP" region:"" -sidecar:none sidecar:unsaved').terms).toEqual([
      { negate: false, kind: 'equals', column: 'genotype', text: 'thy1 gfp' },
      { negate: false, kind: 'empty', column: 'region' },
      { negate: true, kind: 'contains', column: 'sidecar', text: 'none' },
      { negate: false, kind: 'unsaved' },
    ]);
  });

  it('reads a yes/no field as accepted or rejected', () => {
    expect(parseFilter('accepted:no accepted:TRUE').terms).toEqual([
      { negate: false, kind: 'equals', column: 'accepted', text: 'rejected' },
      { negate: false, kind: 'equals', column: 'accepted', text: 'accepted' },
    ]);
  });

  it('searches an unknown field as text and says so, but not an axis of the dimensions', () => {
    expect(parseFilter('genotpye:wt Z:30')).toEqual({
      terms: [
        { negate: false, kind: 'text', text: 'genotpye:wt' },
        { negate: false, kind: 'text', text: 'z:30' },
      ],
      problems: ['No field named “genotpye”: searched as text'],
    });
  });

  it('ignores a field whose value is not typed yet', () => {
    expect(parseFilter('genotype:').terms).toEqual([]);
    expect(parseFilter('depth:> acquired:<=')).toEqual({ terms: [], problems: [] });
  });
});
