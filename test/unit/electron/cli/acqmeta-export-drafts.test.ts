/**
 * `acqmeta export --format methods|readme|csv --acquisition` on a mixed folder the test builds
 * from vendor files and TIFFs: every value with how many images it holds for, a z step and an
 * interval only from images with more than one plane or time point, numbers as recorded.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiffWithTags } from '../../shared/acquisition/tiff-with-tags';
import { buildCli, type BuiltCli } from './built-cli';

const FIXTURES: Readonly<Record<string, string>> = {
  'single-plane.czi': 'formats/czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi',
  'tiles.czi': 'formats/czi/aicspylibczi_tiles.czi',
  'stack.nd2': 'formats/nd2/pims_nd2_cluster.nd2',
  'xz-lapse.lif': 'formats/lif/readlif_testdata_2channel_xz.lif',
  'hyperstack.tif': 'tiff/generated/imagej-hyperstack-tzcyx-u16.tif',
};

let cli: BuiltCli;
let base: string;

beforeAll(async () => {
  cli = await buildCli();
  base = await mkdtemp(path.join(tmpdir(), 'acqmeta-drafts-'));
  await mkdir(path.join(base, 'mixed'));
  for (const [name, fixture] of Object.entries(FIXTURES))
    await copyFile(
      fileURLToPath(new URL(`../../../fixtures/${fixture}`, import.meta.url)),
      path.join(base, 'mixed', name),
    );
  // one plane, yet ImageJ's description gives a z spacing and a frame interval
  const imagej = 'ImageJ=1.53t\nimages=1\nunit=micron\nspacing=0.5\nfinterval=5\n';
  const resolution = { rational: [10, 1] as [number, number] };
  await writeFile(
    path.join(base, 'mixed', 'single-plane.tif'),
    tiffWithTags([
      { code: 270, text: imagej },
      { code: 282, ...resolution },
      { code: 283, ...resolution },
    ]),
  );
});

afterAll(async () => {
  await cli.remove();
  await rm(base, { recursive: true, force: true });
});

const exported = async (...args: string[]): Promise<string> => {
  const run = await cli.run(['export', 'mixed', ...args], base);
  expect(run.stderr).toBe('');
  return run.stdout;
};

describe('the drafts of a mixed folder', () => {
  it('methods: every value with its count; no z step nor interval from a single plane; numbers as recorded', async () => {
    const paragraph = (await exported('--format', 'methods')).split('\n').find((l) => l.startsWith('**Image'));
    expect(paragraph).toBe(
      '**Image acquisition.** Images were acquired on Celldiscoverer 7 (1 of 6 images), LSM 880 IndiMo, AxioObserver (1 of 6 images), Nikon Ti (1 of 6 images) and TCS SP8 (1 of 6 images)' +
        ' with the objectives C-Apochromat 40x/1.2 W Korr FCS M27 (Water) (1 of 6 images), HC PL APO CS2 63x/1.30 GLYC (1 of 6 images), Plan Apo λ 60x (NA 0.95) (1 of 6 images) and Plan-Apochromat 5x/0.35 (Air) (1 of 6 images).' +
        ' Channels (name, excitation/emission in nm): 5-FAM/pH 9.0 488/525, FM 4-64/2% CHAPS 561/700 (1 of 6 images), Ch1 (ATTO 488) em 571, T PMT (1 of 6 images), DAPI 385/465 (1 of 6 images) and Leica/FITC, Leica/TRITC (1 of 6 images).' +
        ' Pixel size: 0.1 µm/px (1 of 6 images), 0.1403 µm/px (1 of 6 images), 0.1678 µm/px (1 of 6 images), 0.5 µm/px (1 of 6 images), 0.8303 µm/px (1 of 6 images) and 1.6 µm/px (1 of 6 images).' +
        ' Z step: 0.1403 µm (1 of 6 images), 0.5 µm (1 of 6 images) and 2 µm (1 of 6 images).' +
        ' Frame interval: 530 ms (1 of 6 images).' +
        ' Acquisition software: AIMApplication 14.0.22.201 (1 of 6 images), LAS X 3.5.7.23225 (1 of 6 images), NIS-Elements AR 4.20.01 (Build 982) (1 of 6 images) and ZEN 3.12.107.00000 (1 of 6 images).' +
        ' Converted from their original files with: tifffile.py (1 of 6 images).',
    );
  });

  it('readme: the acquisition dates of every file that records one, z steps and intervals of stacks and time series only', async () => {
    const lines = (await exported('--format', 'readme')).split('\n');
    expect(lines).toContain('- **Acquired** (image files): 2014-06-18 to 2023-11-05 (4 of 6 images).');
    expect(lines).toContain(
      '- **Z step:** 0.1403 µm: 1 of 6 images; 0.5 µm: 1 of 6 images; 2 µm: 1 of 6 images; none (one plane, or not recorded): 3 of 6 images.',
    );
    expect(lines).toContain(
      '- **Interval:** 530 ms: 1 of 6 images; none (one time point, or not recorded): 5 of 6 images.',
    );
  });

  it('csv --acquisition: the numbers as the files record them, without floating-point noise', async () => {
    const lines = (await exported('--acquisition')).split('\r\n');
    const row = lines.find((line) => line.startsWith('tiles.czi,'));
    expect(row).toMatch(/,C-Apochromat 40x\/1\.2 W Korr FCS M27 \(Water\),1\.2,"Ch1 \(ATTO 488\) em 571, T PMT",,,$/);
  });

  it("readme and methods name the profile's target and what is still missing for it, and change nothing else", async () => {
    const profile = path.join(base, 'acqmeta.profile.json');
    await writeFile(profile, '{"title": "Deposit"}');
    const plain = { readme: await exported('--format', 'readme'), methods: await exported('--format', 'methods') };
    await writeFile(profile, '{"title": "Deposit", "x-target": "hubmap:confocal"}');
    try {
      expect(await exported('--format', 'methods')).toBe(
        `${plain.methods}\n**Data deposition.** Data were prepared for deposition to HuBMAP (confocal, directory schema v2.3).\n`,
      );
      const readme = await exported('--format', 'readme');
      const section = /## Submission target\n[\s\S]*?\n\n(?=## )/.exec(readme)?.[0] ?? '';
      expect(readme.replace(section, '')).toBe(plain.readme);
      expect(section).toContain(`named by the lab profile \`${profile}\``);
      expect(section).toMatch(
        /checked against `hubmap:confocal-v2\.3`, 6 paths\): \d+ required patterns missing: .*; 6 paths not allowed\./,
      );
      expect(section).toMatch(/required cells to fill: `parent_sample_id`.*`acquisition_instrument_vendor`/);
    } finally {
      await rm(profile);
    }
  });
});
