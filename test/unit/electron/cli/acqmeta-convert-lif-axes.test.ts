/**
 * `acqmeta convert --to ome-tiff` of every image of the sample LIFs: each copy's OME-XML, read by
 * tifffile, states every axis as the LIF's DimensionDescriptions do (an xz scan's Z is Z, not Y),
 * with the physical size of each, and its pixels, read back along those axes, are the LIF's.
 * A LIF's sidecar states the pixel size of image 0's stored plane only: its copy takes the
 * sidecar's X and Y when that plane is X by Y, and every other copy the LIF's own sizes.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();
const FIXTURES = fileURLToPath(new URL('../../../fixtures/formats/lif/', import.meta.url));
const LIF_AXES = fileURLToPath(new URL('lif-axes.py', import.meta.url));

/** What lif-axes.py prints of one image: the LIF's axes, the copy's, and whether their pixels agree. */
interface Compared {
  name: string;
  lif: { sizes: Record<string, number>; physical_um: Record<string, number> };
  copy: { sizes: Record<string, number>; physical_um: Record<string, number> };
  same_pixels: boolean;
}

const SAMPLES = {
  'readlif_testdata_2channel_xz.lif': ['0_xzt', '1_xzy', '2_xz'],
  'readlif_LeicaLASX_wavelength-sweep_example.lif': ['0_x_y_lambdaEmi', '1_x_y_lambdaExc', '2_x_y_z_t_lambdaEmi'],
};

/** The sidecar's pixel size X, unlike any the sample LIFs record. */
const SIDECAR_X = 0.5;

describe('acqmeta convert: a LIF image’s axes', () => {
  /** Converts `file` (with a sidecar whose pixel size X is SIDECAR_X when `sidecar`) and compares each copy with the LIF. */
  async function convertAndCompare(file: string, names: string[], sidecar: boolean): Promise<Compared[]> {
    await mkdir(labPath('convert'));
    await copyFile(path.join(FIXTURES, file), labPath(`convert/${file}`));
    if (sidecar) {
      const set = await acqmeta('set', `lab/convert/${file}`, '--set', `physical_unit_x=${SIDECAR_X}`);
      expect(set.code, set.stdout + set.stderr).toBe(0);
    }
    const run = await acqmeta('convert', `lab/convert/${file}`, '--to', 'ome-tiff', '-o', 'archive');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const copies = names.map((name) => basePath(`archive/${file.replace(/\.lif$/, '')}_${name}.ome.tiff`));
    const compared = JSON.parse(
      execFileSync('/usr/bin/python3', [LIF_AXES, labPath(`convert/${file}`), ...copies], { encoding: 'utf8' }),
    ) as Compared[];
    expect(compared).toHaveLength(names.length);
    return compared;
  }

  /** Fails unless the copy's physical sizes are `expected`, axis by axis. */
  function expectSizes(image: Compared, expected: Record<string, number>): void {
    expect(Object.keys(image.copy.physical_um).sort(), image.name).toEqual(Object.keys(expected).sort());
    for (const [axis, size] of Object.entries(expected))
      expect(image.copy.physical_um[axis], `${image.name} PhysicalSize${axis}`).toBeCloseTo(size, 9);
  }

  it.each(Object.entries(SAMPLES))(
    '%s: each copy states the axes its DimensionDescriptions give',
    async (file, names) => {
      for (const image of await convertAndCompare(file, names, false)) {
        expect(image.copy.sizes, image.name).toEqual(image.lif.sizes);
        expectSizes(image, image.lif.physical_um);
        expect(image.same_pixels, image.name).toBe(true);
      }
    },
  );

  it('an xz scan’s sidecar, whose Y is the Z step, gives no copy its sizes', async () => {
    const file = 'readlif_testdata_2channel_xz.lif';
    for (const image of await convertAndCompare(file, SAMPLES[file], true)) expectSizes(image, image.lif.physical_um);
  });

  it('a sidecar’s pixel size is image 0’s, X by Y; the other images keep the LIF’s own', async () => {
    const file = 'readlif_LeicaLASX_wavelength-sweep_example.lif';
    const [first, ...others] = await convertAndCompare(file, SAMPLES[file], true);
    expectSizes(first as Compared, { ...first?.lif.physical_um, X: SIDECAR_X });
    expect(others).toHaveLength(2);
    for (const image of others) expectSizes(image, image.lif.physical_um);
  });
});
