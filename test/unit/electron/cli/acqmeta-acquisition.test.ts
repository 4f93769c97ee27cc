import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath } = cliOnLab();

function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
}

const LSM_ACQUISITION = {
  objective: { name: 'EC Plan-Neofluar 40x/1.30 Oil DIC M27', magnification: 40, na: 1.3, immersion: 'Oil' },
  channels: [{ name: 'ChS1', fluor: 'Alexa Fluor 568', excitation_nm: 561 }],
  pixel_size_um: { x: 0.691888184137, y: 0.691888184137 },
  acquired_at: '2014-04-03T15:44:37',
  // the TIFF header states how the pixels are stored
  storage: { byte_order: 'little', resolution_levels: 1 },
  sources: ['lsm', 'tiff'],
};

describe('acqmeta show and scan: the acquisition metadata', () => {
  it('show --json has an acquisition object, numbers as numbers, absent keys left out', async () => {
    await copyFile(fixture('tiff/zeiss/jimpipeline_test.lsm'), labPath('zeiss.lsm.tif'));
    const shown = JSON.parse((await acqmeta('show', 'lab/zeiss.lsm.tif', '--json')).stdout);
    expect(shown.acquisition).toMatchObject(LSM_ACQUISITION);
    expect(Object.keys(shown.acquisition)).toEqual([
      'objective',
      'channels',
      'pixel_size_um',
      'storage',
      'acquired_at',
      'sources',
      'origins',
    ]);
    expect(shown.acquisition.origins['objective.na']).toEqual({
      flavour: 'lsm',
      key: 'ScanInformation.Objective (name)',
    });
  });

  it('show --json gives only how the pixels are stored when the header records nothing else', async () => {
    const { stdout } = await acqmeta('show', 'lab/stacks/float.tif', '--json');
    const shown = JSON.parse(stdout) as Record<string, unknown>;
    expect(shown).toHaveProperty('acquisition', {
      storage: { byte_order: 'little', resolution_levels: 1 },
      sources: ['tiff'],
      origins: {
        'storage.byte_order': { flavour: 'tiff', key: 'byte order (II or MM)' },
        'storage.resolution_levels': { flavour: 'tiff', key: 'SubIFDs and reduced-resolution pages' },
      },
    });
    // the key keeps its place: after the keys of scan --json's record, before the values
    const keys = Object.keys(shown);
    expect(keys.slice(keys.indexOf('profile_problems'), keys.indexOf('values') + 1)).toEqual([
      'profile_problems',
      'acquisition',
      'values',
    ]);
  });

  it('show prints a short Acquisition block', async () => {
    await copyFile(fixture('tiff/zeiss/jimpipeline_test.lsm'), labPath('zeiss.lsm.tif'));
    const { code, stdout } = await acqmeta('show', 'lab/zeiss.lsm.tif');
    expect(code).toBe(0);
    const block = stdout.slice(stdout.indexOf('\nAcquisition')).split('\n\n')[0];
    expect(block).toBe(
      [
        '',
        'Acquisition (from lsm, tiff)',
        '  Objective   EC Plan-Neofluar 40x/1.30 Oil DIC M27',
        '  Channel 1   ChS1 (Alexa Fluor 568) ex 561 · detector PmtSPI1',
        '  Pixel size  X 0.6919 µm · Y 0.6919 µm',
        '  Acquired    2014-04-03 15:44:37',
        '  Storage     little-endian',
      ].join('\n'),
    );
  });

  it('every scan --json line carries its image’s acquisition, from the scan cache too', async () => {
    await copyFile(fixture('tiff/zeiss/jimpipeline_test.lsm'), labPath('zeiss.lsm.tif'));
    await copyFile(
      fixture('acquisition/scanimage/jefferis-scanimage_Blank-IPA_1s_16r_032.tif'),
      labPath('scanimage.tif'),
    );
    const scan = async (...flags: string[]) => {
      const { stdout } = await acqmeta('scan', 'lab', '--json', ...flags);
      return stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { path: string; acquisition: Record<string, unknown> | null });
    };
    const first = await scan();
    const byPath = new Map(first.map((record) => [record.path, record.acquisition]));
    expect(byPath.get('zeiss.lsm.tif')).toMatchObject(LSM_ACQUISITION);
    expect(byPath.get('scanimage.tif')).toMatchObject({
      software: 'ScanImage 3.8',
      acquired_at: '2014-07-30T21:10:00.731',
      storage: { byte_order: 'little', resolution_levels: 1 },
      sources: ['scanimage', 'tiff'],
    });
    // an image whose header records nothing else has how its pixels are stored
    expect(first.find((record) => record.path === 'stacks/float.tif')).toHaveProperty('acquisition', {
      storage: { byte_order: 'little', resolution_levels: 1 },
      sources: ['tiff'],
    });
    // unchanged files come from the scan cache the first scan wrote: the same acquisition
    expect(await scan()).toEqual(first);
    expect(await scan('--no-cache')).toEqual(first);
  });
});
