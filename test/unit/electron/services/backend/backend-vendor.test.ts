import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

type RowsEvent = Extract<ApiEvent, { type: 'scan-rows' }>;

const FORMATS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/formats');

/** What expected.json (independent readers) holds for one fixture. */
interface Expected {
  format: string;
  header: Record<string, unknown>;
  calibration_um: { x: number; y: number } | null;
  images: unknown[];
  acquisition: { software?: string };
  /** acqstore's calibration of X and Y: value and label, as CloudScope writes them. */
  acqstore_calibration?: Record<'x' | 'y', [number, string]>;
}

const expected = JSON.parse(await readFile(path.join(FORMATS, 'expected.json'), 'utf8')) as Record<string, Expected>;
const FIXTURES = Object.keys(expected);

describe('backend on vendor files (CZI, ND2, LIF, OIB)', () => {
  let copy: LabCopy;
  let h: Harness;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
    for (const name of FIXTURES) {
      await mkdir(path.join(copy.lab, 'vendor', path.dirname(name)), { recursive: true });
      await copyFile(path.join(FORMATS, name), path.join(copy.lab, 'vendor', name));
    }
    // hostile: cut short, another format's bytes under a vendor name, empty
    const czi = await readFile(path.join(FORMATS, 'czi/czitools_DAPI_GFP.czi'));
    await mkdir(path.join(copy.lab, 'vendor/bad'));
    await writeFile(path.join(copy.lab, 'vendor/bad/truncated.czi'), czi.subarray(0, 600));
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'vendor/bad/tiff-inside.nd2'));
    await writeFile(path.join(copy.lab, 'vendor/bad/empty.lif'), '');
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  /** Scans the folder: its rows by path, and the scan-done event. */
  async function scan(): Promise<{ rows: Map<string, ImageRow>; done: ApiEvent }> {
    const { scanId } = await h.ok('scanFolder', {});
    const done = await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    const rows = h.events
      .filter((e): e is RowsEvent => e.type === 'scan-rows' && e.scanId === scanId)
      .flatMap((e) => e.rows);
    return { rows: new Map(rows.map((row) => [row.path, row])), done };
  }

  it('lists every fixture with its format, header, calibration and acquisition, and nothing as not read', async () => {
    const { rows, done } = await scan();
    expect(done).toMatchObject({ unread: { count: 1, paths: ['other/scan_02.oir'] } });
    for (const name of FIXTURES) {
      const want = expected[name] as Expected;
      const row = rows.get(`vendor/${name}`);
      expect(row, name).toMatchObject({ format: want.format, header: want.header, errors: [], sidecar: 'missing' });
      const cal = want.calibration_um;
      expect(row?.fileCalibration === null, name).toBe(cal === null);
      if (cal !== null) {
        expect(row?.fileCalibration?.x).toBeCloseTo(cal.x, 12);
        expect(row?.fileCalibration?.y).toBeCloseTo(cal.y, 12);
      }
      expect(row?.acquisition?.software, name).toBe(want.acquisition.software);
    }
    expect(rows.get('vendor/czi/czitools_DAPI_GFP.czi')?.values).toMatchObject({
      physical_unit_x: 1,
      physical_label_x: 'Pixels',
    });
    expect(rows.get('vendor/nd2/pims_nd2_cluster.nd2')?.values).toMatchObject({ physical_label_x: 'um' });
  });

  it('gives each hostile vendor file one row with a clear error', async () => {
    const { rows } = await scan();
    const errorOf = (rel: string): string => {
      const row = rows.get(`vendor/bad/${rel}`);
      expect(row, rel).toMatchObject({ header: null, fileCalibration: null });
      expect(row?.errors, rel).toHaveLength(1);
      return row?.errors[0] ?? '';
    };
    expect(errorOf('truncated.czi')).toMatch(/^truncated\.czi: CZI: /);
    expect(errorOf('tiff-inside.nd2')).toBe(
      'tiff-inside.nd2: not a ND2 file: its first bytes are not the ND2 signature',
    );
    expect(errorOf('empty.lif')).toBe('empty.lif: LIF: the file is 0 bytes, too short for any image header');
  });

  it('shows a file’s images and attachments in its detail', async () => {
    const lif = 'lif/readlif_LeicaLASX_wavelength-sweep_example.lif';
    const detail = await h.ok('getImageDetail', { path: `vendor/${lif}` });
    expect(detail.vendor?.images).toEqual(expected[lif]?.images);
    expect(detail).toMatchObject({ pageCount: null, tags: [], row: { format: 'lif' } });
    const czi = 'czi/aicspylibczi_RGB-multichannel.czi';
    const cziDetail = await h.ok('getImageDetail', { path: `vendor/${czi}` });
    expect(cziDetail.vendor?.attachments).toEqual(['Thumbnail']);
    expect(cziDetail.planes).toEqual({ c: 7, z: 1, t: 1 });
    const tiff = await h.ok('getImageDetail', { path: 'plain.tiff' });
    expect(tiff.vendor).toBeNull();
  });

  /** Creates the sidecar of a fixture as the app's “Create sidecar” does; its text. */
  async function create(name: string): Promise<string> {
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: `vendor/${name}`, changes: {}, expected: null, create: true }],
    });
    expect(outcome, name).toMatchObject({ ok: true, row: { sidecar: 'ok', format: expected[name]?.format } });
    return readFile(path.join(copy.lab, 'vendor', `${name}.json`), 'utf8');
  }

  it('creates the sidecar acqstore writes for each CZI and ND2 file, but with µm calibration', async () => {
    for (const name of FIXTURES.filter((n) => /\.(czi|nd2)$/.test(n))) {
      // written by acqstore itself (build/scripts/make-vendor-sidecars.py)
      expect(await create(name), name).toBe(await readFile(path.join(FORMATS, 'sidecars', `${name}.json`), 'utf8'));
    }
  });

  it('creates a LIF’s and an OIB’s sidecar as CloudScope would, from the header AcqMeta reads', async () => {
    const shape = JSON.parse(await readFile(path.join(FORMATS, 'sidecars/czi/czitools_DAPI_GFP.czi.json'), 'utf8'));
    for (const name of FIXTURES.filter((n) => /\.(lif|oib)$/.test(n))) {
      const { image_header_metadata: header, ...rest } = JSON.parse(await create(name));
      const { image_header_metadata: _, ...restOfCzi } = shape;
      expect(rest, name).toEqual(restOfCzi);
      const { x, y } = expected[name]?.calibration_um ?? { x: 1, y: 1 };
      expect(header).toMatchObject({ ...expected[name]?.header, physical_label_x: 'um', physical_label_y: 'um' });
      expect(header.physical_unit_x).toBeCloseTo(x, 12);
      expect(header.physical_unit_y).toBeCloseTo(y, 12);
    }
  });

  it('takes a sidecar CloudScope wrote for a CZI as it is, and flags its calibration in metres', async () => {
    const name = 'czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
    const cal = expected[name]?.acqstore_calibration as Record<'x' | 'y', [number, string]>;
    let text = await readFile(path.join(FORMATS, 'sidecars', `${name}.json`), 'utf8');
    for (const axis of ['x', 'y'] as const) {
      text = text
        .replace(new RegExp(`"physical_unit_${axis}": [^,\n]+`), `"physical_unit_${axis}": ${cal[axis][0]}`)
        .replace(`"physical_label_${axis}": "um"`, `"physical_label_${axis}": "${cal[axis][1]}"`);
    }
    await writeFile(path.join(copy.lab, 'vendor', `${name}.json`), text);
    const row = await h.ok('reloadRow', { path: `vendor/${name}` });
    expect(row).toMatchObject({ sidecar: 'ok', header: expected[name]?.header });
    expect(row.errors).toEqual([
      'File declares 1.5999999999999999 × 1.5999999999999999 um per pixel; sidecar has 1.5999999999999847e-06 X × 1.6e-06 Y',
    ]);
  });

  it('edits a CZI’s new sidecar in place', async () => {
    await create('czi/czitools_DAPI_GFP.czi');
    const czi = 'vendor/czi/czitools_DAPI_GFP.czi';
    const row = await h.ok('reloadRow', { path: czi });
    const [edited] = await h.ok('saveSidecars', {
      saves: [{ path: czi, changes: { species: 'mouse' }, expected: row.version }],
    });
    expect(edited).toMatchObject({ ok: true, row: { values: { species: 'mouse' } } });
    const before = await readFile(path.join(FORMATS, 'sidecars/czi/czitools_DAPI_GFP.czi.json'), 'utf8');
    expect(await readFile(path.join(copy.lab, `${czi}.json`), 'utf8')).toBe(
      before.replace('"species": ""', '"species": "mouse"'),
    );
  });
});
