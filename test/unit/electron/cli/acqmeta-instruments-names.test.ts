/**
 * What `acqmeta instruments` prints of a catalogue's own text, and where it refuses to write:
 * a name holding bidirectional controls (U+202E reverses what a terminal shows) printed escaped
 * on every line, `--json` still JSON with the same values; `draft -o` refusing a name Windows
 * keeps for a device, and naming the missing folder, not its temp file, when there is none.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, exists } = cliOnLab();

const ND2 = fileURLToPath(new URL('../../../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));
/** A microscope's name that a terminal shows as `SP8 (gpj.exe)` though it ends in `exe.jpg)`. */
const REVERSED = 'SP8 (\u202egpj.exe)';

describe('acqmeta instruments: names from files and files named', () => {
  it('prints bidirectional and other controls escaped, and keeps --json output JSON', async () => {
    await mkdir(labPath('acqmeta.instruments'));
    const description = { Name: REVERSED, Schema_ID: 'Instrument.json', ID: 'a', components: [] };
    await writeFile(labPath('acqmeta.instruments/sp8\u2066.json'), JSON.stringify(description));
    const listed = await acqmeta('instruments', 'lab');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      'Instrument catalogue: acqmeta.instruments/ (1 file)\n' +
        '  acqmeta.instruments/sp8\\u2066.json: SP8 (\\u202egpj.exe): no parts\n',
    );
    const json = await acqmeta('instruments', 'lab', '--json');
    expect(json.stdout).not.toMatch(/[\u202e\u2066]/);
    expect(JSON.parse(json.stdout).files).toEqual([
      { file: 'acqmeta.instruments/sp8\u2066.json', name: REVERSED, stand: {}, components: {} },
    ]);
  });

  it('refuses a name Windows keeps for a device as -o, writing nothing', async () => {
    await copyFile(ND2, labPath('cluster.nd2'));
    await mkdir(labPath('acqmeta.instruments'));
    for (const name of ['con.json', 'CON.JSON', 'Nul.json', 'com1.json', 'lpt9.draft.json', 'aux']) {
      const run = await acqmeta('instruments', 'draft', 'lab/cluster.nd2', '-o', `lab/acqmeta.instruments/${name}`);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`lab/acqmeta.instruments/${name}: "${name}" is a name Windows keeps for a device`);
    }
    expect(await readdir(labPath('acqmeta.instruments'))).toEqual([]);
    const fine = await acqmeta('instruments', 'draft', 'lab/cluster.nd2', '-o', 'lab/acqmeta.instruments/console.json');
    expect(fine.code).toBe(0);
  });

  it('names the missing folder -o points into, not the temp file', async () => {
    await copyFile(ND2, labPath('cluster.nd2'));
    const run = await acqmeta('instruments', 'draft', 'lab/cluster.nd2', '-o', 'lab/missing/ti.json');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot write lab/missing/ti.json: the folder lab/missing does not exist\n');
    expect(run.stderr).not.toContain('tmp');
    expect(await exists('missing')).toBe(false);
  });
});
