/**
 * `acqmeta export --format htan:imaging-level-2` on real vendor files: what each file states
 * of its objective's working distance, its dimension order and its byte order reaches the
 * manifest, each cell as the file states it.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from './built-cli';
import { checkedRows, htanRules } from './submission-rules';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

/** A CZI whose objective states a working distance of 5000 (µm), an ND2, a LIF, a single-plane OME-TIFF. */
const FILES = [
  'formats/czi/czitools_WellD6_S1.czi',
  'formats/nd2/pims_nd2_cluster.nd2',
  'formats/lif/readlif_LeicaLASX_wavelength-sweep_example.lif',
  'tiff/bioformats/multi-channel.ome.tif',
];

let cli: BuiltCli;
let base: string;
beforeAll(async () => {
  cli = await buildCli();
  base = await mkdtemp(path.join(tmpdir(), 'acqmeta-htan-facts-'));
  await mkdir(path.join(base, 'd'));
  for (const rel of FILES) await copyFile(fixture(rel), path.join(base, 'd', path.basename(rel)));
});
afterAll(async () => {
  await cli.remove();
  await rm(base, { recursive: true, force: true });
});

describe('acqmeta export --format htan:imaging-level-2: what the files state', () => {
  it('working distance and its unit, dimension order, byte order', async () => {
    const run = await cli.run(['export', 'd', '--format', 'htan:imaging-level-2', '-o', 'l2.csv'], base, 120_000);
    expect(run.code).toBe(1);
    const rows = checkedRows(await readFile(path.join(base, 'l2.csv'), 'utf8'), 'csv', htanRules('Imaging Level 2'));
    const cells = Object.fromEntries(
      rows.map((row) => [
        row.Filename,
        [row.WorkingDistance, row.WorkingDistanceUnit, row.DimensionOrder, row['Pixels BigEndian']],
      ]),
    );
    expect(cells).toEqual({
      'd/czitools_WellD6_S1.czi': ['5000', 'µm', 'XYZCT', 'False'],
      // T, Z, C, Y, X in the file: X fastest, then Y, C, Z
      'd/pims_nd2_cluster.nd2': ['', '', 'XYCZT', 'False'],
      'd/readlif_LeicaLASX_wavelength-sweep_example.lif': ['', '', 'XYZCT', 'False'],
      // a TIFF states its own byte order, which the header values do not keep: left to fill
      'd/multi-channel.ome.tif': ['', '', 'XYZCT', ''],
    });
  });
});
