/**
 * An archival copy opened again: its acquisition software is its source's, and AcqMeta, which
 * wrote the copy, is what it was converted with, never the acquisition software.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath } = cliOnLab();
const ND2 = fileURLToPath(new URL('../../../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));

describe('acqmeta show of an archival copy', () => {
  it('gives the source’s acquisition software, and AcqMeta as the program that wrote it', async () => {
    await mkdir(labPath('raw'));
    await copyFile(ND2, labPath('raw/cluster.nd2'));
    const source = JSON.parse((await acqmeta('show', 'lab/raw/cluster.nd2', '--json')).stdout);
    expect(source.acquisition.software).toBe('NIS-Elements AR 4.20.01 (Build 982)');
    const run = await acqmeta('convert', 'lab/raw/cluster.nd2', '--to', 'ome-tiff', '-o', 'lab/archive');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const shown = await acqmeta('show', 'lab/archive/cluster.ome.tiff', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    const { acquisition } = JSON.parse(shown.stdout);
    expect(acquisition.software).toBe(source.acquisition.software);
    expect(acquisition.written_by).toMatch(/^AcqMeta \d/);
    expect(acquisition.disagreements).toBeUndefined();
  });
});
