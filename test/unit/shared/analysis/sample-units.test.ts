/**
 * Averaging per image and per animal before the group summary. The expected figures of the
 * line-scan fixtures come from pandas 1.5.3 (`df.groupby(['genotype', 'image']).v.mean()`, then
 * `.groupby('genotype').agg(['count', 'mean', 'median', 'std'])`), NaN rows dropped first.
 */
import { describe, expect, it } from 'vitest';
import { readAnalyses, sampleValues, summarizeGroups, type Measurement } from '../../../../shared/analysis';
import { LINESCANS, linescanText, sidecarOf } from './linescan-fixtures';

/** The animals of the fixtures in these tests: ls_01 and ls_03 of one WT mouse, ls_04 and ls_06 of one APP/PS1 mouse. */
const ANIMALS: Readonly<Record<string, string>> = {
  'ls_01.tif.json': 'm1',
  'ls_03.tif.json': 'm1',
  'ls_05.tif.json': 'm2',
  'ls_02.tif.json': 'm3',
  'ls_04.tif.json': 'm4',
  'ls_06.tif.json': 'm4',
};

/** Every radon_velocity velocity_mean of the six line scans, grouped by genotype. */
function velocityMeans(animals: Readonly<Record<string, string>> = ANIMALS): Measurement[] {
  return LINESCANS.flatMap((name) => {
    const sidecar = sidecarOf(linescanText(name));
    const genotype = /"genotype": "([^"]*)"/.exec(linescanText(name))?.[1] ?? '';
    return readAnalyses(sidecar)
      .filter((record) => record.name === 'radon_velocity')
      .map((record) => {
        const value = record.summary.find((v) => v.key === 'velocity_mean')?.value;
        return {
          group: genotype,
          image: name,
          animal: animals[name] ?? '',
          value: value?.kind === 'number' ? Number(value.text) : NaN,
        };
      });
  });
}

/** The figures of a summary, rounded where pandas and a different order of sums may differ in the last bits. */
function figures(unit: 'roi' | 'image' | 'animal', animals?: Readonly<Record<string, string>>) {
  const sample = sampleValues(velocityMeans(animals), unit);
  return {
    sample,
    stats: summarizeGroups(sample.values).map((g) => ({
      group: g.group,
      n: g.n,
      mean: g.mean,
      median: g.median,
      sd: g.sd,
    })),
  };
}

const close = (n: number) => expect.closeTo(n, 12);

describe('sampleValues', () => {
  it('counts every ROI with a finite value at the ROI level', () => {
    const { sample, stats } = figures('roi');
    expect(sample.notFinite).toBe(2);
    expect(stats).toEqual([
      {
        group: 'APP/PS1',
        n: 11,
        mean: close(1.8974909951975292),
        median: close(1.9246260441045773),
        sd: close(0.6674061508755675),
      },
      {
        group: 'WT',
        n: 11,
        mean: close(1.4194483494532228),
        median: close(1.5234891345623467),
        sd: close(0.5833814948133751),
      },
    ]);
  });

  it('averages each image’s ROIs first, so n counts images', () => {
    const { sample, stats } = figures('image');
    expect(sample.notFinite).toBe(2);
    expect(sample.values.filter((v) => v.group === 'WT').map((v) => v.value)).toEqual([
      close(1.9182171356899185),
      close(1.431175838632326),
      close(1.0336442705965978),
    ]);
    expect(stats).toEqual([
      {
        group: 'APP/PS1',
        n: 3,
        mean: close(1.944748494784535),
        median: close(1.9603197139382247),
        sd: close(0.5277904052832166),
      },
      {
        group: 'WT',
        n: 3,
        mean: close(1.4610124149729475),
        median: close(1.431175838632326),
        sd: close(0.4430405787065658),
      },
    ]);
  });

  it('averages each animal’s image means, each image weighing the same', () => {
    const { sample, stats } = figures('animal');
    expect(sample.withoutAnimal).toBe(0);
    expect(stats).toEqual([
      {
        group: 'APP/PS1',
        n: 2,
        mean: close(1.9486412995729574),
        median: close(1.9486412995729574),
        sd: close(0.016515771982373542),
      },
      {
        group: 'WT',
        n: 2,
        mean: close(1.35417037887886),
        median: close(1.35417037887886),
        sd: close(0.45329236942744233),
      },
    ]);
  });

  it('leaves out the images that name no animal, and keeps an animal’s images in their own groups', () => {
    const { sample, stats } = figures('animal', {
      'ls_01.tif.json': 'm1',
      'ls_02.tif.json': 'm1',
      'ls_05.tif.json': 'm2',
    });
    expect(sample.withoutAnimal).toBe(3);
    // m1 is in both groups: its WT image (ls_01) and its APP/PS1 image (ls_02) are not averaged together.
    expect(stats).toEqual([
      { group: 'APP/PS1', n: 1, mean: close(1.9603197139382247), median: close(1.9603197139382247), sd: null },
      {
        group: 'WT',
        n: 2,
        mean: close((1.9182171356899185 + 1.0336442705965978) / 2),
        median: expect.any(Number),
        sd: expect.any(Number),
      },
    ]);
  });

  it('drops an image whose values are all NaN or infinite, counting its records', () => {
    const sample = sampleValues(
      [
        { group: 'a', image: 'x.tif', animal: 'm1', value: NaN },
        { group: 'a', image: 'x.tif', animal: 'm1', value: Infinity },
        { group: 'a', image: 'y.tif', animal: 'm1', value: 2 },
        { group: 'a', image: 'y.tif', animal: 'm1', value: 4 },
      ],
      'image',
    );
    expect(sample).toEqual({ values: [{ group: 'a', value: 3 }], notFinite: 2, withoutAnimal: 0 });
  });
});
