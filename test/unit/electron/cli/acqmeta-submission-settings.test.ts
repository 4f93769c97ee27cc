/**
 * `acqmeta submission --to hubmap:confocal` and the acquisition's settings: beside a catalogue
 * entry naming the parts the two CZIs were taken with, the upload's
 * extras/microscope_settings.json names them by their IDs in the microscope_hardware.json written
 * with it; with the stand alone described, nothing; the lab's own file is kept.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listDatasetPaths } from '../../../../electron/services/folder';
import { checkUploadLayout, findTarget } from '../../../../shared/submission';
import { cliInFolder } from './support/cli-in-folder';
import { fillUploadLab, LAB } from './upload-lab';

const DESCRIBED = fileURLToPath(new URL('../../../fixtures/instruments/facility-cd7.json', import.meta.url));
const { acqmeta, at, read } = cliInFolder('acqmeta-submission-settings-', {
  prepare: fillUploadLab,
  timeoutMs: 240_000,
});
const build = () => acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload');
const dataset = `upload/${LAB}`;

describe('acqmeta submission: extras/microscope_settings.json', () => {
  it('names the objective, LED, filter and camera the images were taken with, by their IDs in the description', async () => {
    const described = await readFile(DESCRIBED, 'utf8');
    await writeFile(at('acqmeta.instruments/cd7.json'), described);
    const dry = await acqmeta('submission', LAB, '--to', 'hubmap:confocal', '-o', 'upload', '--dry-run');
    expect(dry.stdout).toContain(`write    ${LAB}/extras/microscope_settings.json\n`);
    const run = await build();
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toContain('microscope_settings');
    expect(checkUploadLayout(await listDatasetPaths(at(dataset)), findTarget('hubmap:confocal')!).problems).toEqual([]);
    expect(await read(`${dataset}/extras/microscope_hardware.json`)).toBe(described);
    const settings = JSON.parse(await read(`${dataset}/extras/microscope_settings.json`));
    expect(settings).toMatchObject({ Schema_ID: 'Image.json', InstrumentID: 'cd7', InstrumentName: 'Facility CD7' });
    expect(settings.Pixels).toMatchObject({ PhysicalSizeX: 1.6, PhysicalSizeY: 1.6, PhysicalSizeXUnit: 'µm' });
    expect(settings.ObjectiveSettings.Component_ID).toBe('obj5');
    expect(settings.Channels.map((channel: { Name: string }) => channel.Name)).toEqual(['DAPI']);
    const used = settings.Channels[0].LightPath.ComponentSettings;
    expect([used.LightSource.Component_ID, used.EmissionFilter.Component_ID, used.Detector.Component_ID]).toEqual([
      'led',
      'em',
      'cam',
    ]);
  });

  it('writes none when the description names no part the images used', async () => {
    const run = await build();
    expect(run.code, run.stderr).toBe(1);
    const listed = await listDatasetPaths(at(dataset));
    expect(listed).toContain('extras/microscope_hardware.json');
    expect(listed).not.toContain('extras/microscope_settings.json');
  });

  it('keeps the lab’s own settings file rather than write one', async () => {
    await writeFile(at('acqmeta.instruments/cd7.json'), await readFile(DESCRIBED));
    await mkdir(at(`${LAB}/extras`));
    await writeFile(at(`${LAB}/extras/microscope_settings.json`), '{"Name": "by hand"}\n');
    const run = await build();
    expect(run.code, run.stderr).toBe(1);
    expect(await read(`${dataset}/extras/microscope_settings.json`)).toBe('{"Name": "by hand"}\n');
  });
});
