import { copyFile, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, basePath, labPath } = cliOnLab();
const VASCULAR = fileURLToPath(new URL('../../../../profiles/vascular-lab.profile.json', import.meta.url));

const HEADER =
  'path,species,sex,genotype,age,region,cell_type,depth,branch_order,direction,condition,condition2,treatment,treatment2,date,note,physical_unit_y,physical_unit_x,physical_label_y,physical_label_x,accepted';

describe('acqmeta export', () => {
  it('exports one row per image with valid or missing sidecar, one column per field', async () => {
    const run = await acqmeta('export', 'lab');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^stacks\/multipage\.tif: left out, invalid sidecar/m);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe('cells/multi-channel.ome.tif,mouse,,,,,,75.0,,,,,,,,0.5 µm steps,1.0,1.0,Pixels,Pixels,true');
    expect(lines.map((l) => l.split(',')[0])).toEqual([
      'path',
      'cells/multi-channel.ome.tif',
      'hostile/test_ifd_loop_to_self.tif',
      'other/scan_01.oir',
      'plain.tiff',
      'stacks/float.tif',
      '',
    ]);
    const tsv = await acqmeta('export', 'lab', '-o', 'table.tsv');
    expect(await readFile(basePath('table.tsv'), 'utf8')).toContain('\r\nplain.tiff\t\t');
    expect(tsv.stdout).toBe('');
    expect(tsv.stderr).toContain('5 images written to table.tsv\n');
  });

  it('writes a workbook: text cells as text, numbers as numbers, no value as an empty cell', async () => {
    await acqmeta('set', 'lab/plain.tiff', '--set', 'genotype=007', '--set', 'date=2026-03-14');
    const run = await acqmeta('export', 'lab', '--format', 'xlsx', '-o', 'table.xlsx');
    expect(run.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(basePath('table.xlsx'));
    const sheet = workbook.getWorksheet('AcqMeta')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER);
    const row = (n: number) => sheet.getRow(n).values as unknown[];
    expect(row(2)[1]).toBe('cells/multi-channel.ome.tif');
    expect(row(2)[8]).toBe(75);
    expect(row(2)[9]).toBeUndefined();
    expect(row(5)[4]).toBe('007');
    expect(row(5)[15]).toBe('2026-03-14');
    expect(row(2)[21]).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const piped = await acqmeta('export', 'lab', '--format', 'xlsx');
    expect(piped.stdout.startsWith('PK')).toBe(true);
  });

  it('refuses to write a workbook to a terminal, and an unknown format', async () => {
    const err: string[] = [];
    const out = {
      line: async () => {},
      write: async () => {},
      flush: async () => {},
      bytes: async () => {},
      isTerminal: true,
      columns: 80,
    };
    const io = {
      out,
      err: (line: string) => err.push(line),
      progress: () => {},
      showProgress: false,
      cwd: basePath('.'),
    };
    expect(await runCli(['export', 'lab', '--format', 'xlsx'], io)).toBe(2);
    expect(err).toEqual([
      'acqmeta export: an XLSX workbook is binary: give -o <file>.xlsx or redirect stdout to a file (see acqmeta export --help)',
    ]);
    const bad = await acqmeta('export', 'lab', '--format', 'ods');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--format must be one of csv, tsv, xlsx, omero, readme, methods, channels, prov, hubmap:confocal, hubmap:lightsheet, hubmap:histology, hubmap:imc-2d, hubmap:segmentation-mask, htan:imaging-level-2, cloudscope-collection (got "ods")',
    );
  });

  it('writes an OMERO bulk annotation CSV with a "# header" row, datasets by folder, images by name', async () => {
    const run = await acqmeta('export', 'lab', '--format', 'omero', '-o', 'omero.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'depth, branch_order have empty cells: run omero metadata populate with --allow_nan (they become NaN)\n',
    );
    const lines = (await readFile(basePath('omero.csv'), 'utf8')).split('\r\n');
    expect(lines[0]).toBe('# header s,s,s,s,s,s,s,s,d,d,s,s,s,s,s,s,s,d,d,s,s,b');
    expect(lines[1]).toBe(`Dataset Name,Image Name,${HEADER.slice('path,'.length)}`);
    expect(lines[2]).toBe('cells,multi-channel.ome.tif,mouse,,,,,,75.0,,,,,,,,0.5 µm steps,1.0,1.0,Pixels,Pixels,true');
    expect(lines.slice(3, -1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'hostile,test_ifd_loop_to_self.tif',
      'other,scan_01.oir',
      'lab,plain.tiff',
      'stacks,float.tif',
    ]);
  });

  it('writes a draft dataset readme in Markdown: the images, the values, completeness against the profile, places to fill in', async () => {
    await copyFile(VASCULAR, labPath('acqmeta.profile.json'));
    const run = await acqmeta('export', 'lab', '--format', 'readme');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^# \*\*TODO\*\* title of the dataset\n\n> Draft made by AcqMeta on \d{4}-\d{2}-\d{2} from the folder `lab`\./,
    );
    expect(run.stdout).toContain(
      "- **Images:** 6 (3 with a JSON sidecar in CloudScope's AcqImage format, 2 without one yet, 1 whose sidecar cannot be read).",
    );
    expect(run.stdout).toContain('- **Pixel size:** 0.31 × 0.31 µm (1).');
    expect(run.stdout).toContain('- **Species**: mouse (2).');
    expect(run.stdout).toContain('- `acqmeta.profile.json` (Vascular imaging lab)');
    expect(run.stdout).toContain('| Sex | yes | 0 | 0 | 0 | 6 |');
    expect(run.stdout).toContain('| `lab/cells/` | 1 | .ome.tif | `multi-channel.ome.tif` |');
    expect(run.stdout).toContain('- **Licence:** **TODO**');
    const file = await acqmeta('export', 'lab', '-o', 'README.md');
    expect(file).toMatchObject({ code: 0, stdout: '', stderr: 'readme of 6 images written to README.md\n' });
    expect(await readFile(basePath('README.md'), 'utf8')).toBe(run.stdout);
  });

  it("writes a Methods draft: acquisition as the files tell, images per group of the profile's required fields", async () => {
    await copyFile(VASCULAR, labPath('acqmeta.profile.json'));
    const run = await acqmeta('export', 'lab', '--format', 'methods', '-o', 'methods.md');
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'methods of 6 images written to methods.md\n' });
    const text = await readFile(basePath('methods.md'), 'utf8');
    expect(text).toMatch(/^# Methods \(draft\)\n\n> Drafted by AcqMeta on \d{4}-\d{2}-\d{2} from the folder `lab`/);
    expect(text).toContain(
      '**Samples.** The dataset comprises 6 images, 3 of them with a sidecar to count from. Species: mouse (n = 2 images); not given for 1 image.',
    );
    expect(text).toContain('**TODO** the number of animals per group');
  });
});
