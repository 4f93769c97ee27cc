import { describe, expect, it } from 'vitest';
import { resolveTarget, targetTitle } from '../../../../shared/submission';

describe('resolveTarget', () => {
  it('gives a HuBMAP assay its directory schema and its metadata format', () => {
    const target = resolveTarget('hubmap:confocal-v2.0');
    expect(target?.directory?.version).toBe('2.0');
    expect(target?.format).toBe('hubmap:confocal');
  });

  it('knows a target with a layout and a metadata file, or a metadata file only', () => {
    expect(resolveTarget('hubmap:segmentation-mask-v2.0')?.format).toBe('hubmap:segmentation-mask');
    expect(resolveTarget('htan:imaging-level-2')).toMatchObject({ directory: null, format: 'htan:imaging-level-2' });
    expect(resolveTarget('hubmap:confocal-v9')).toBeNull();
    expect(resolveTarget('htan:imaging')).toBeNull();
  });

  it('titles a target from the bundled rules only', () => {
    expect(targetTitle(resolveTarget('hubmap:confocal')!)).toBe(
      'HuBMAP confocal (directory schema v2.3, metadata schema id 3829a2c4-e29b-4dca-91f2-af3d427ed57b)',
    );
    expect(targetTitle(resolveTarget('htan:imaging-level-2')!)).toBe('HTAN Imaging Level 2 (CSV manifest)');
    expect(targetTitle(resolveTarget('hubmap:segmentation-mask')!)).toMatch(
      /^HuBMAP segmentation-mask \(directory schema v2\.\d+, metadata schema id [0-9a-f-]{36}\)$/,
    );
  });
});
