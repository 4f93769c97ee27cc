/**
 * `acqmeta instruments`: the catalogue in force listed with its problems (exit 1 on an error),
 * and `instruments draft`, printing a description drafted from a vendor file or writing it
 * atomically, never over a file that exists without --force.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInstrumentDescription } from '../../../../shared/instruments';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read } = cliOnLab();

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));

describe('acqmeta instruments', () => {
  it('lists the catalogue in force with each microscope and its parts, exit 1 once a file is broken', async () => {
    const none = await acqmeta('instruments', 'lab');
    expect(none).toMatchObject({ code: 0, stdout: 'No acqmeta.instruments/ is in force for lab.\n' });
    await mkdir(labPath('acqmeta.instruments'));
    await copyFile(fixture('instruments/abif_axiovert1_.json'), labPath('acqmeta.instruments/abif.json'));
    const listed = await acqmeta('instruments', 'lab/stacks');
    expect(listed.code).toBe(0);
    // the catalogue above the folder named is in force for it, named by its full path
    const above = labPath('acqmeta.instruments');
    expect(listed.stdout.split('\n').slice(0, 3)).toEqual([
      `Instrument catalogue: ${above}/ (1 file)`,
      `  ${above}/abif.json: ABIF Axiovert1 (Zeiss Axio Observer Z1): 5 objectives, 2 light sources, ` +
        `4 excitation filters, 4 emission filters, 4 dichroics, 5 filter cubes, 1 detector, 1 software, 6 other parts`,
      'Problems:',
    ]);
    expect(listed.stdout).toMatch(/abif\.json: \d+ values look like placeholders/);
    await writeFile(labPath('acqmeta.instruments/broken.json'), '{"Schema_ID": "Image.json"}');
    const broken = await acqmeta('instruments', 'lab', '--json');
    expect(broken.code).toBe(1);
    const json = JSON.parse(broken.stdout);
    expect(json.folder).toBe('acqmeta.instruments');
    expect(json.files.map((f: { file: string; name: string | null }) => [f.file, f.name])).toEqual([
      ['acqmeta.instruments/abif.json', 'ABIF Axiovert1'],
      ['acqmeta.instruments/broken.json', null],
    ]);
    expect(json.files[0].components).toMatchObject({ objective: 5, detector: 1 });
    expect(json.problems).toContainEqual({
      file: 'acqmeta.instruments/broken.json',
      at: 'Schema_ID',
      message: 'is "Image.json"; a Micro-Meta App microscope has "Instrument.json"',
      severity: 'error',
    });
  });

  it('drafts a description from a vendor file, printed or written, never over a file without --force', async () => {
    await copyFile(fixture('formats/nd2/pims_nd2_cluster.nd2'), labPath('cluster.nd2'));
    const printed = await acqmeta('instruments', 'draft', 'lab/cluster.nd2');
    expect(printed.code).toBe(0);
    const read1 = readInstrumentDescription(printed.stdout, 'draft.json');
    expect(read1.problems).toEqual([]);
    expect(read1.description).toMatchObject({ name: 'Nikon Ti', stand: { model: 'Nikon Ti' } });
    expect(read1.description?.components.map((c) => [c.kind, c.name, c.na ?? c.wavelengths_nm])).toEqual([
      ['objective', 'Plan Apo λ 60x', 0.95],
      ['light-source', '488 nm', [488]],
      ['light-source', '561 nm', [561]],
    ]);
    expect(printed.stderr).toContain('channel 1 records an emission of 525 nm');

    await mkdir(labPath('acqmeta.instruments'));
    const out = 'lab/acqmeta.instruments/ti.json';
    const written = await acqmeta('instruments', 'draft', 'lab/cluster.nd2', '-o', out);
    expect(written).toMatchObject({ code: 0, stderr: expect.stringContaining(`wrote ${out}`) });
    const text = await read('acqmeta.instruments/ti.json');
    expect(readInstrumentDescription(text, 'ti.json').description?.name).toBe('Nikon Ti');
    const again = await acqmeta('instruments', 'draft', 'lab/cluster.nd2', '-o', out);
    expect(again.code).toBe(2);
    expect(await read('acqmeta.instruments/ti.json')).toBe(text);
    expect((await acqmeta('instruments', 'draft', 'lab/cluster.nd2', '-o', out, '--force')).code).toBe(0);
    expect(await read('acqmeta.instruments/ti.json')).not.toBe(text);
    expect((await acqmeta('instruments', 'lab')).code).toBe(0);

    const bare = await acqmeta('instruments', 'draft', 'lab/plain.tiff');
    expect(bare).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'lab/plain.tiff: the file records no microscope hardware\n',
    });
  });

  it('lists the journal records of description writes in `acqmeta log` of a folder', async () => {
    const record = {
      kind: 'instrument-file',
      id: 'rec-1',
      batch: 'batch-1',
      time: '2026-11-25T22:01:09.114Z',
      user: 'ana',
      host: 'lab-pc',
      tool: 'AcqMeta',
      action: 'Edit LLS7',
      file: 'acqmeta.instruments/lls7.json',
      beforeText: '{}',
      afterText: '{ }',
      before: { size: 2, mtime: 1, sha256: 'a'.repeat(64) },
      after: { size: 3, mtime: 2, sha256: 'b'.repeat(64) },
    };
    await mkdir(labPath('.acqmeta/journal'), { recursive: true });
    await writeFile(labPath('.acqmeta/journal/lab-pc-1-a-0001.jsonl'), `${JSON.stringify(record)}\n`);
    const log = await acqmeta('log', 'lab');
    expect(log).toMatchObject({ code: 0, stderr: '' });
    expect(log.stdout).toBe(
      '2026-11-25 22:01:09 UTC  ana@lab-pc  AcqMeta: Edit LLS7  batch batch-1\n' +
        '  record rec-1  acqmeta.instruments/lls7.json  microscope description rewritten\n',
    );
    expect(JSON.parse((await acqmeta('log', 'lab', '--json')).stdout)).toEqual(record);
  });
});
