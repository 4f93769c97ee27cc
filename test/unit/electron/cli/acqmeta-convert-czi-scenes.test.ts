/**
 * `acqmeta convert --to ome-tiff` of a CZI of three scenes with a sidecar: the sidecar states the
 * pixel size of scene 0 only, so scene 0's copy takes it and the other scenes' copies the CZI's
 * own scaling, as czifile reads it (expected.json), in the OME-XML tifffile reads.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();
const FORMATS = fileURLToPath(new URL('../../../fixtures/formats/', import.meta.url));
const FILE = 'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';

/** The copy's PhysicalSizeX and PhysicalSizeY, as tifffile reads its OME-XML. */
function physicalSizes(copy: string): { x: number; y: number } {
  const script = [
    'import sys, tifffile, xml.etree.ElementTree as ET',
    "p = ET.fromstring(tifffile.TiffFile(sys.argv[1]).ome_metadata).find('{*}Image/{*}Pixels')",
    "print(p.get('PhysicalSizeX'), p.get('PhysicalSizeY'))",
  ].join('\n');
  const [x, y] = execFileSync('/usr/bin/python3', ['-c', script, copy], { encoding: 'utf8' }).trim().split(' ');
  return { x: Number(x), y: Number(y) };
}

describe('acqmeta convert: a CZI’s scenes and its sidecar', () => {
  it('gives the sidecar’s pixel size to scene 0 only, the CZI’s to the others', async () => {
    const expected = JSON.parse(await readFile(path.join(FORMATS, 'expected.json'), 'utf8'))[`czi/${FILE}`] as {
      calibration_um: { x: number; y: number };
      images: unknown[];
    };
    expect(expected.images).toHaveLength(3);
    await mkdir(labPath('convert'));
    await copyFile(path.join(FORMATS, 'czi', FILE), labPath(`convert/${FILE}`));
    const set = await acqmeta('set', `lab/convert/${FILE}`, '--set', 'physical_unit_x=0.5');
    expect(set.code, set.stdout + set.stderr).toBe(0);
    const run = await acqmeta('convert', `lab/convert/${FILE}`, '--to', 'ome-tiff', '-o', 'archive');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const copy = (scene: number): string =>
      basePath(`archive/${FILE.replace(/\.czi$/, '')}_${scene}_Scene_${scene}.ome.tiff`);
    const first = physicalSizes(copy(0));
    expect(first.x).toBe(0.5);
    expect(first.y).toBeCloseTo(expected.calibration_um.y, 9);
    for (const scene of [1, 2]) {
      const sizes = physicalSizes(copy(scene));
      expect(sizes.x, `scene ${scene} X`).toBeCloseTo(expected.calibration_um.x, 9);
      expect(sizes.y, `scene ${scene} Y`).toBeCloseTo(expected.calibration_um.y, 9);
    }
  });
});
