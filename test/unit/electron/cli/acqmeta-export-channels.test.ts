import { copyFile, mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, basePath, labPath } = cliOnLab();
const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));
const LSM = fixture('tiff/zeiss/jimpipeline_test.lsm');
const OME_2CH = fixture('acquisition/ome-tiff/ometypes_ome.tiff');
const OME_1CH = fixture('acquisition/ome-tiff/bioformats_spec_single-channel.ome.tif');

const COLUMNS =
  'Channel ID,Channel Name,Target Name,Antibody Name,RRID identifier,Fluorophore,Clone,Lot,Vendor,Catalog Number,Excitation Wavelength,Emission Wavelength\r\n';
/** The LSM's one channel as its header records it (DetectionChannels[0] ChannelName and DyeName, the illumination wavelength). */
const LSM_ROW = 'Channel:0:0,ChS1,,,,Alexa Fluor 568,,,,,561,\r\n';
/** A table as a person might type it: LF line ends, spaces, a column AcqMeta does not know, lower-case names. */
const TYPED = 'channel id , Channel Name,Panel\nChannel:0:0, DAPI ,"nuclei, fixed"\nChannel:0:1,GFP,\n';

/** A folder next to `lab/` holding copies of `files` (name: fixture path). */
async function folderOf(name: string, files: Record<string, string>): Promise<void> {
  await mkdir(basePath(name), { recursive: true });
  for (const [file, from] of Object.entries(files)) await copyFile(from, basePath(`${name}/${file}`));
}

describe('acqmeta export --format channels: the table in force', () => {
  it("copies the folder's own table byte for byte and names it", async () => {
    await writeFile(labPath('acqmeta.channels.csv'), TYPED);
    const run = await acqmeta('export', 'lab', '--format', 'channels');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(TYPED);
    expect(run.stderr).toBe('the channel table in force for lab is lab/acqmeta.channels.csv: copied as stored\n');
  });

  it('copies the nearest table above the folder, and a nearer one wins over it', async () => {
    const above = 'Channel ID,Channel Name\r\nChannel:0:0,above\r\n';
    await writeFile(basePath('acqmeta.channels.csv'), above);
    const fromAbove = await acqmeta('export', 'lab/cells', '--format', 'channels');
    expect(fromAbove.code).toBe(0);
    expect(fromAbove.stdout).toBe(above);
    expect(fromAbove.stderr).toContain(
      `in force for lab/cells is ${basePath('acqmeta.channels.csv')}: copied as stored`,
    );
    await writeFile(labPath('acqmeta.channels.csv'), TYPED);
    const nearer = await acqmeta('export', 'lab/cells', '--format', 'channels');
    expect(nearer.stdout).toBe(TYPED);
    expect(nearer.stderr).toContain(`is ${labPath('acqmeta.channels.csv')}: copied as stored`);
  });

  it('writes a table that cannot be read (not UTF-8) to -o as it is, says why and exits 1', async () => {
    const latin1 = Buffer.from('Channel ID,Fluorophore\r\nChannel:0:0,Alexa Fluor 488 \xb5\r\n', 'latin1');
    await writeFile(labPath('acqmeta.channels.csv'), latin1);
    const run = await acqmeta('export', 'lab', '--format', 'channels', '-o', 'copy.csv');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(await readFile(basePath('copy.csv'))).toEqual(latin1);
    expect(run.stderr).toContain('channel table written to copy.csv\n');
    expect(run.stderr).toContain(
      'lab/acqmeta.channels.csv cannot be used as it is: acqmeta.channels.csv is not UTF-8 text',
    );
  });
});

describe('acqmeta export --format channels: a draft where no table applies', () => {
  it('a table that cannot be opened is in force, not replaced by a draft: exit 3, and validate flags the images', async () => {
    // a sparse file past the size any table may have: refused when opened, never read
    await writeFile(labPath('acqmeta.channels.csv'), '');
    await truncate(labPath('acqmeta.channels.csv'), 257 * 1024 * 1024);
    const run = await acqmeta('export', 'lab', '--format', 'channels');
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('cannot read lab/acqmeta.channels.csv');
    expect(run.stderr).not.toContain('drafted');
    const validate = await acqmeta('validate', 'lab');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('The channel table acqmeta.channels.csv cannot be read');
  });

  it('drafts the channel names, fluorophores and wavelengths the LSM headers record', async () => {
    await folderOf('zeiss', { 'a.lsm': LSM, 'b.lsm': LSM });
    const run = await acqmeta('export', 'zeiss', '--format', 'channels');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(COLUMNS + LSM_ROW);
    expect(run.stderr).toBe('no channel table applies to zeiss: drafted from 2 image headers\n');
    const shown = JSON.parse((await acqmeta('show', 'zeiss/a.lsm', '--json')).stdout);
    const [channel] = shown.acquisition.channels;
    expect(LSM_ROW).toBe(`Channel:0:0,${channel.name},,,,${channel.fluor},,,,,${channel.excitation_nm},\r\n`);
  });

  it('saved with -o as acqmeta.channels.csv (which picks the format), the draft becomes the table in force', async () => {
    await folderOf('zeiss', { 'a.lsm': LSM });
    const saved = await acqmeta('export', 'zeiss', '-o', 'zeiss/acqmeta.channels.csv');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe('');
    expect(await readFile(basePath('zeiss/acqmeta.channels.csv'), 'utf8')).toBe(COLUMNS + LSM_ROW);
    const again = await acqmeta('export', 'zeiss', '--format', 'channels');
    expect(again.stdout).toBe(COLUMNS + LSM_ROW);
    expect(again.stderr).toContain('copied as stored');
    expect((await acqmeta('validate', 'zeiss')).stdout).not.toContain('channel table');
  });

  it('drafts one row per channel of an OME-TIFF that names none', async () => {
    await folderOf('ome', { 'two.ome.tiff': OME_2CH });
    const run = await acqmeta('export', 'ome', '--format', 'channels');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${COLUMNS}Channel:0:0${','.repeat(11)}\r\nChannel:0:1${','.repeat(11)}\r\n`);
  });

  it('says how the images differ from the draft, and exits 1', async () => {
    await folderOf('mixed', { 'a.lsm': LSM, 'b.lsm': LSM, 'c.ome.tiff': OME_2CH, 'd.ome.tif': OME_1CH });
    const run = await acqmeta('export', 'mixed', '--format', 'channels');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(COLUMNS + LSM_ROW);
    expect(run.stderr).toContain('drafted from 4 image headers\n');
    expect(run.stderr).toContain(
      'the images differ, one table does not fit them all: the draft has the 1 channel of 2 images; ' +
        '1 image with 1 channel records other channel names, fluorophores or wavelengths, 1 image has 2 channels\n',
    );
  });

  it('names an image whose header cannot be read, drafts from the others and exits 1', async () => {
    await folderOf('broken', { 'a.lsm': LSM, 'loop.tif': labPath('hostile/test_ifd_loop_to_self.tif') });
    const run = await acqmeta('export', 'broken', '--format', 'channels');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(COLUMNS + LSM_ROW);
    expect(run.stderr).toMatch(/^loop\.tif: left out, .*IFD loop/m);
    expect(run.stderr).toContain('drafted from 1 image header (2 images in all)\n');
  });
});

describe('acqmeta export --format channels: usage', () => {
  it('refuses --acquisition and an unknown format with exit 2, writing nothing', async () => {
    const acquisition = await acqmeta('export', 'lab', '--format', 'channels', '--acquisition', '-o', 'x.csv');
    expect(acquisition.code).toBe(2);
    expect(acquisition.stderr).toContain('not to the channel table');
    await expect(readFile(basePath('x.csv'))).rejects.toThrow();
    const unknown = await acqmeta('export', 'lab', '--format', 'channel');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('--format must be one of csv, tsv, xlsx, omero, readme, methods, channels');
  });

  it('exits 3 when -o names a folder that does not exist', async () => {
    await writeFile(labPath('acqmeta.channels.csv'), TYPED);
    const run = await acqmeta('export', 'lab', '--format', 'channels', '-o', 'missing/acqmeta.channels.csv');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot write missing/acqmeta.channels.csv');
  });
});
