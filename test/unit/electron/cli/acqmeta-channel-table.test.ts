import { copyFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath } = cliOnLab();
const LSM = fileURLToPath(new URL('../../../fixtures/tiff/zeiss/jimpipeline_test.lsm', import.meta.url));
const HEAD = 'Channel ID,Channel Name,Fluorophore\r\n';

describe('acqmeta validate and show: the channel table in force', () => {
  it('reports an image with another channel count than the nearest table, naming both counts', async () => {
    await copyFile(LSM, labPath('zeiss.lsm.tif'));
    await writeFile(labPath('acqmeta.channels.csv'), `${HEAD}Channel:0:0,ChS1,Alexa Fluor 568\r\nChannel:0:1,GFP,\r\n`);
    const { code, stdout } = await acqmeta('validate', 'lab');
    expect(code).not.toBe(0);
    expect(stdout).toContain('The channel table acqmeta.channels.csv lists 2 channels; the image has 1.');
  });

  it('reports a channel the file names otherwise, and is quiet once the table agrees', async () => {
    await copyFile(LSM, labPath('zeiss.lsm.tif'));
    await writeFile(labPath('acqmeta.channels.csv'), `${HEAD}Channel:0:0,GFP,\r\n`);
    const differs = await acqmeta('show', 'lab/zeiss.lsm.tif');
    expect(differs.stdout).toContain(
      'The channel table acqmeta.channels.csv names channel 1 “GFP”; the image’s file names it “ChS1”.',
    );
    await writeFile(labPath('acqmeta.channels.csv'), `${HEAD}Channel:0:0,chs1,Alexa Fluor 568\r\n`);
    const agrees = await acqmeta('validate', 'lab');
    expect(agrees.stdout).toContain('multi-channel.ome.tif.json: The channel table');
    expect(agrees.stdout).not.toMatch(/^zeiss\.lsm\.tif.*channel table/m);
  });
});
