/**
 * `acqmeta convert --to ome-tiff` of every image of the sample LIFs: each copy's OME-XML, read by
 * tifffile, states every axis as the LIF's DimensionDescriptions do (an xz scan's Z is Z, not Y),
 * with the physical size of each, and its pixels, read back along those axes, are the LIF's.
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

describe('acqmeta convert: a LIF image’s axes', () => {
  it.each(Object.entries(SAMPLES))(
    '%s: each copy states the axes its DimensionDescriptions give',
    async (file, names) => {
      await mkdir(labPath('convert'));
      await copyFile(path.join(FIXTURES, file), labPath(`convert/${file}`));
      const run = await acqmeta('convert', `lab/convert/${file}`, '--to', 'ome-tiff', '-o', 'archive');
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const copies = names.map((name) => basePath(`archive/${file.replace(/\.lif$/, '')}_${name}.ome.tiff`));
      const compared = JSON.parse(
        execFileSync('/usr/bin/python3', [LIF_AXES, labPath(`convert/${file}`), ...copies], { encoding: 'utf8' }),
      ) as Compared[];
      expect(compared).toHaveLength(names.length);
      for (const image of compared) {
        expect(image.copy.sizes, image.name).toEqual(image.lif.sizes);
        expect(Object.keys(image.copy.physical_um).sort(), image.name).toEqual(
          Object.keys(image.lif.physical_um).sort(),
        );
        for (const [axis, size] of Object.entries(image.lif.physical_um))
          expect(image.copy.physical_um[axis], `${image.name} PhysicalSize${axis}`).toBeCloseTo(size, 9);
        expect(image.same_pixels, image.name).toBe(true);
      }
    },
  );
});
