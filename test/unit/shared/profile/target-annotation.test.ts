import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../../../shared/profile';
import { exampleProfileText } from './profile-helpers';

const load = (target: unknown) =>
  loadProfile(
    `{\n  "required": ["experiment_metadata"],\n  "x-target": ${JSON.stringify(target)}\n}`,
    'lab/acqmeta.profile.json',
  );

describe('x-target', () => {
  it.each(['hubmap:confocal', 'hubmap:confocal-v2.0', 'hubmap:segmentation-mask', 'htan:imaging-level-2'])(
    'takes %s as the profile target',
    (name) => {
      const profile = load(name);
      expect(profile.problems).toEqual([]);
      expect(profile.compiled?.target).toBe(name);
    },
  );

  it('reports a near miss at /x-target with did-you-mean and the known names, and applies the rest', () => {
    const profile = load('hubmap:confocl');
    expect(profile.problems).toEqual([
      'lab/acqmeta.profile.json: line 3, column 15: "x-target" "hubmap:confocl" is not a target AcqMeta knows (did you mean "hubmap:confocal"?); known: htan:imaging-level-2, hubmap:confocal, hubmap:histology, hubmap:imc-2d, hubmap:lightsheet, hubmap:segmentation-mask, each hubmap: one also as <name>-v<version>',
    ]);
    expect(profile.compiled?.target).toBeNull();
    expect(profile.compiled?.validate({})).toBe(false);
  });

  it('reports a value that is not text, without a guess', () => {
    const [problem] = load(['hubmap:confocal']).problems;
    expect(problem).toMatch(/^lab\/acqmeta\.profile\.json: line 3, column 15: "x-target" must be the name of a target/);
    expect(load('hubmap:unknown-assay').problems[0]).not.toMatch(/did you mean/);
  });

  it('names no target when the profile has none', () => {
    expect(loadProfile('{}', 'p.json').compiled?.target).toBeNull();
  });

  it('ships the deposit example with its target', () => {
    expect(loadProfile(exampleProfileText('confocal-deposit'), 'c.json').compiled?.target).toBe('hubmap:confocal');
  });
});
