import { copyFile, mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read, exists } = cliOnLab();
const FORMATS = fileURLToPath(new URL('../../../fixtures/formats/', import.meta.url));

/** One fixture of each format read, as lab/vendor/<name> (CZI with three scenes and attachments). */
const FILES = {
  czi: 'czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi',
  nd2: 'nd2/pims_nd2_cluster.nd2',
  lif: 'lif/readlif_testdata_2channel_xz.lif',
  oib: 'oib/oiffile_test.oib',
} as const;
type Format = keyof typeof FILES;
const FORMAT_NAMES: readonly Format[] = ['czi', 'nd2', 'lif', 'oib'];

/** What expected.json (independent readers) holds for one fixture. */
interface Expected {
  header: Record<string, unknown>;
  calibration_um: { x: number; y: number } | null;
  images: { name: string; shape: string; dims: string; dtype: string }[];
  attachments?: string[];
}
const expected = JSON.parse(await readFile(path.join(FORMATS, 'expected.json'), 'utf8')) as Record<string, Expected>;
const want = (format: Format): Expected => expected[FILES[format]] as Expected;
const rel = (format: Format): string => `vendor/${path.basename(FILES[format])}`;

describe('acqmeta on CZI, ND2, LIF and OIB files', () => {
  beforeEach(async () => {
    await mkdir(labPath('vendor'));
    for (const format of FORMAT_NAMES) await copyFile(path.join(FORMATS, FILES[format]), labPath(rel(format)));
  });

  it('scan lists each file with its format, header and declared pixel size', async () => {
    const run = await acqmeta('scan', 'lab/vendor', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    // in code-point order of the names
    expect(records.map((r) => r.format)).toEqual(['czi', 'oib', 'nd2', 'lif']);
    for (const format of FORMAT_NAMES) {
      const record = records.find((r) => r.format === format);
      expect(record, format).toMatchObject({ path: path.basename(FILES[format]), header: want(format).header });
      expect(record.file_calibration.x).toBeCloseTo(want(format).calibration_um?.x ?? Number.NaN, 12);
      expect(record.file_calibration).toMatchObject({ unit: 'um', source: format });
    }
    const readable = await acqmeta('scan', 'lab/vendor');
    expect(readable.stdout).toMatch(/\nczitools_S3_1Pos_2Mosaic_T1_Z1_CH1\.czi +YX 122x295 +uint16 +1 +missing\n/);
  });

  it('scan keeps a vendor file’s header in the scan cache, like a TIFF’s', async () => {
    const czi = labPath(rel('czi'));
    const fixed = new Date('2024-01-02T03:04:05Z');
    await utimes(czi, fixed, fixed);
    const cziRecord = async (...flags: string[]) =>
      JSON.parse(
        (await acqmeta('scan', 'lab/vendor', '--json', ...flags)).stdout.split('\n').find((l) => l.includes('.czi')) ??
          '',
      );
    expect(await cziRecord()).toMatchObject({ header: want('czi').header, errors: [] });
    // the same size, modification time and inode, but no longer a CZI: only a scan that reads it can tell
    await writeFile(czi, Buffer.alloc((await stat(czi)).size));
    await utimes(czi, fixed, fixed);
    expect(await cziRecord()).toMatchObject({ header: want('czi').header, errors: [] });
    expect(await cziRecord('--no-cache')).toMatchObject({
      header: null,
      errors: [expect.stringContaining('not a CZI')],
    });
  });

  it('show gives the format, the header, the file’s images and attachments', async () => {
    for (const format of FORMAT_NAMES) {
      const shown = await acqmeta('show', `lab/${rel(format)}`);
      expect(shown.code, format).toBe(0);
      expect(shown.stdout).toContain(`\nFormat: ${format.toUpperCase()}\n`);
      expect(shown.stdout).toMatch(new RegExp(`\\n {2}Shape\\s+${escape(String(want(format).header.shape))}\\n`));
      const images = want(format).images;
      expect(shown.stdout).toContain(`\nImages (${images.length}; the header describes image 0)\n`);
      for (const [i, image] of images.entries())
        expect(shown.stdout).toContain(`\n  ${i}  ${image.name}  ${image.dims} ${image.shape} ${image.dtype}\n`);
      const json = JSON.parse((await acqmeta('show', `lab/${rel(format)}`, '--json')).stdout);
      expect(json).toMatchObject({ format, header: want(format).header, images, sidecar: 'missing' });
      expect(json.attachments).toEqual(want(format).attachments ?? []);
      expect(json).toMatchObject({ page_count: null, tags: [], description: { kind: 'none' } });
    }
    const czi = await acqmeta('show', `lab/${rel('czi')}`);
    expect(czi.stdout).toContain('\nAttachments\n  TimeStamps\n  Thumbnail\n');
  });

  it('set creates each sidecar from the file’s header, as acqstore writes it for CZI and ND2', async () => {
    const run = await acqmeta('set', 'lab/vendor', '--set', 'species=mouse');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 sidecars updated, 4 created, 0 unchanged.');
    for (const format of ['czi', 'nd2'] as const) {
      const cloudscope = await readFile(path.join(FORMATS, 'sidecars', `${FILES[format]}.json`), 'utf8');
      expect(await read(`${rel(format)}.json`)).toBe(cloudscope.replace('"species": ""', '"species": "mouse"'));
    }
    for (const format of ['lif', 'oib'] as const) {
      const written = JSON.parse(await read(`${rel(format)}.json`));
      expect(written.image_header_metadata).toMatchObject({ ...want(format).header, physical_label_x: 'um' });
      expect(written.experiment_metadata.species).toBe('mouse');
    }
    expect((await acqmeta('validate', 'lab/vendor')).code).toBe(0);
    const exported = await acqmeta('export', 'lab/vendor');
    expect(exported.code).toBe(0);
    expect(exported.stdout.split(/\r?\n/).filter((line) => /^"?vendor|\.(czi|nd2|lif|oib)/.test(line))).toHaveLength(4);
  });

  it('import sets fields of a vendor file, creating its sidecar', async () => {
    await writeFile(labPath('table.csv'), `path,species\n${rel('nd2')},rat\n`);
    const run = await acqmeta('import', 'lab/table.csv', '--root', 'lab');
    expect(run.code).toBe(0);
    const cloudscope = await readFile(path.join(FORMATS, 'sidecars', `${FILES.nd2}.json`), 'utf8');
    expect(await read(`${rel('nd2')}.json`)).toBe(cloudscope.replace('"species": ""', '"species": "rat"'));
    expect(await exists(`${rel('czi')}.json`)).toBe(false);
  });

  it('a vendor file that cannot be read is one line with its error, and nothing is created for it', async () => {
    await writeFile(labPath('vendor/broken.nd2'), 'not an ND2 file at all');
    const scan = await acqmeta('scan', 'lab/vendor', '--json');
    expect(scan.code).toBe(1);
    const broken = scan.stdout
      .split('\n')
      .filter((line) => line.includes('broken.nd2'))
      .map((line) => JSON.parse(line));
    expect(broken).toEqual([
      expect.objectContaining({
        format: 'nd2',
        header: null,
        errors: ['broken.nd2: not a ND2 file: its first bytes are not the ND2 signature'],
      }),
    ]);
    const set = await acqmeta('set', 'lab/vendor/broken.nd2', '--set', 'species=mouse');
    expect(set.code).toBe(1);
    expect(set.stderr).toContain('lab/vendor/broken.nd2: cannot create a sidecar: not a ND2 file');
    expect(await exists('vendor/broken.nd2.json')).toBe(false);
  });
});

/** `text` as a regular expression matching it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
