import { copyFile, mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath } = cliOnLab();

/** `d/d/…/d`, `levels` folders deep. */
const deepPath = (levels: number): string => Array.from({ length: levels }, () => 'd').join('/');

describe('a folder thousands of levels deep', () => {
  // the tester's tree: one image 2,000 folders down stopped scan and validate with a stack overflow
  it('is one named line of scan, and every other image is listed', async () => {
    await mkdir(labPath(deepPath(2000)), { recursive: true });
    await copyFile(labPath('plain.tiff'), labPath(`${deepPath(2000)}/deep.tif`));
    await copyFile(labPath('plain.tiff'), labPath(`${deepPath(256)}/listed.tif`));
    const run = await acqmeta('scan', 'lab');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('\nplain.tiff ');
    expect(run.stdout).toContain(`\n${deepPath(256)}/listed.tif `);
    expect(run.stdout).not.toContain('deep.tif');
    expect(run.stdout).toContain('(formats AcqMeta does not read yet); 1 folder too deep to list (over 256 levels)\n');
    expect(run.stdout).toContain(`\n  ${deepPath(257)}\n`);
    const validate = await acqmeta('validate', 'lab');
    expect(validate.stderr).not.toContain('call stack');
    expect(validate.stdout).toContain('stacks/multipage.tif.json: not valid JSON');
    expect(validate.stderr).toMatch(/^\d+ sidecars checked/m);
  });

  it('is one path of the dataset layout check, and the rest is checked', async () => {
    await mkdir(labPath(deepPath(2000)), { recursive: true });
    const run = await acqmeta('validate', 'lab', '--target', 'hubmap:confocal');
    expect(run.stderr).not.toContain('deeper than');
    expect(run.stdout).toContain(`${deepPath(257)}/: not allowed`);
    expect(run.stdout).toContain('plain.tiff: not allowed');
  });
});
