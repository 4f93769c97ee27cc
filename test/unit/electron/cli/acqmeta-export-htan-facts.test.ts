/**
 * `acqmeta export --format htan:imaging-level-2` on real vendor files: what each file states
 * of its objective's working distance, its dimension order, its byte order and its resolution
 * levels reaches the manifest, each cell as the file states it.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiffWithTags } from '../../shared/acquisition/tiff-with-tags';
import { buildCli, type BuiltCli } from './built-cli';
import { checkedRows, htanRules } from './submission-rules';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

/**
 * A CZI whose objective states a working distance of 5000 (µm) and whose scene holds a pyramid,
 * an ND2, a LIF, an OME-TIFF whose XML claims BigEndian="true" in a little-endian file, an
 * OME-TIFF pyramid (SubIFDs).
 */
const FILES = [
  'formats/czi/czitools_WellD6_S1.czi',
  'formats/nd2/pims_nd2_cluster.nd2',
  'formats/lif/readlif_LeicaLASX_wavelength-sweep_example.lif',
  'tiff/bioformats/multi-channel.ome.tif',
  'tiff/generated/ome-pyramid.ome.tif',
];

/** A single-plane OME-TIFF (4 × 4 uint8, little-endian) whose OME-XML states the order XYCTZ and claims big-endian. */
const SINGLE_PLANE_OME = `<?xml version="1.0" encoding="UTF-8"?>
<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0"><Pixels ID="Pixels:0"
 DimensionOrder="XYCTZ" Type="uint8" SizeX="4" SizeY="4" SizeZ="1" SizeC="1" SizeT="1" BigEndian="true">
<Channel ID="Channel:0:0" SamplesPerPixel="1"/><TiffData IFD="0" PlaneCount="1"/></Pixels></Image></OME>`;

let cli: BuiltCli;
let base: string;
beforeAll(async () => {
  cli = await buildCli();
  base = await mkdtemp(path.join(tmpdir(), 'acqmeta-htan-facts-'));
  await mkdir(path.join(base, 'd'));
  for (const rel of FILES) await copyFile(fixture(rel), path.join(base, 'd', path.basename(rel)));
  await writeFile(path.join(base, 'd', 'plane.ome.tif'), tiffWithTags([{ code: 270, text: SINGLE_PLANE_OME }]));
});
afterAll(async () => {
  await cli.remove();
  await rm(base, { recursive: true, force: true });
});

describe('acqmeta export --format htan:imaging-level-2: what the files state', () => {
  it('working distance and its unit, dimension order, byte order, pyramid', async () => {
    const run = await cli.run(['export', 'd', '--format', 'htan:imaging-level-2', '-o', 'l2.csv'], base, {
      timeoutMs: 120_000,
    });
    expect(run.code).toBe(1);
    const rows = checkedRows(await readFile(path.join(base, 'l2.csv'), 'utf8'), 'csv', htanRules('Imaging Level 2'));
    const cells = Object.fromEntries(
      rows.map((row) => [
        row.Filename,
        [row.WorkingDistance, row.WorkingDistanceUnit, row.DimensionOrder, row['Pixels BigEndian'], row.Pyramid],
      ]),
    );
    expect(cells).toEqual({
      // its scene's subblocks are stored at full size and at half size
      'd/czitools_WellD6_S1.czi': ['5000', 'µm', 'XYZCT', 'False', 'Yes'],
      // T, Z, C, Y, X in the file: X fastest, then Y, C, Z
      'd/pims_nd2_cluster.nd2': ['', '', 'XYCZT', 'False', 'No'],
      'd/readlif_LeicaLASX_wavelength-sweep_example.lif': ['', '', 'XYZCT', 'False', 'No'],
      // the samples are in the TIFF header's order (II), whatever the OME-XML's BigEndian says
      'd/multi-channel.ome.tif': ['', '', 'XYZCT', 'False', 'No'],
      'd/ome-pyramid.ome.tif': ['', '', 'XYCZT', 'False', 'Yes'],
      // the order as stated, though with one plane XYZCT would say the same
      'd/plane.ome.tif': ['', '', 'XYCTZ', 'False', 'No'],
    });
  });
});
