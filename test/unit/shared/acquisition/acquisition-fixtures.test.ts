/**
 * The acquisition read from real files (OME-TIFF, OME-XML documents, LSM, ScanImage, ImageJ,
 * plain tags) against an independent reader's values (build/scripts/make-acquisition-expected.py:
 * tifffile and Python's xml.etree).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { readTiffHeader, readTiffSummary } from '../../../../shared/tiff';
import { parseXml } from '../../../../shared/tiff/xml';
import { memorySource } from '../tiff/memory-source';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'acquisition/expected.json'), 'utf8')) as Record<
  string,
  Record<string, unknown> | null
>;

/** The values of an acquisition (no sources, origins, disagreements or problems), numbers rounded to 9 digits. */
function valuesOf(acquisition: Acquisition | undefined): Record<string, unknown> | null {
  if (acquisition === undefined) return null;
  const { sources: _s, origins: _o, disagreements: _d, problems: _p, ...values } = acquisition;
  return round(values) as Record<string, unknown>;
}

function round(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(round);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  return value;
}

/** A fixture's acquisition as the detail read gives it (with origins), or as a listing does. */
async function readFixture(
  name: string,
  read: typeof readTiffSummary = readTiffHeader,
): Promise<Acquisition | undefined> {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
  if (name.endsWith('.xml')) {
    const root = parseXml(new TextDecoder().decode(bytes));
    if (root === null) throw new Error(`${name} is not XML`);
    const acquisition = omeAcquisition(root);
    return acquisition.origins === undefined ? undefined : acquisition;
  }
  return (await read(memorySource(bytes), { fileName: path.basename(name) })).acquisition;
}

describe('acquisition metadata of real files', () => {
  it('covers every flavour the fixtures hold', () => {
    const names = Object.keys(EXPECTED);
    for (const folder of ['acquisition/ome-tiff/', 'acquisition/ome-xml/', 'acquisition/scanimage/', 'tiff/zeiss/'])
      expect(names.some((name) => name.startsWith(folder))).toBe(true);
  });

  it.each(Object.entries(EXPECTED))('%s: the values the independent reader finds', async (name, expected) => {
    expect(valuesOf(await readFixture(name))).toEqual(round(expected));
  });

  it('an LSM file: objective, channel, dye and laser line from its scan information, each with its origin', async () => {
    const acquisition = await readFixture('tiff/zeiss/jimpipeline_test.lsm');
    // the TIFF header gives how the file stores its pixels
    expect(acquisition?.sources).toEqual(['lsm', 'tiff']);
    expect(acquisition?.objective).toEqual({
      name: 'EC Plan-Neofluar 40x/1.30 Oil DIC M27',
      magnification: 40,
      na: 1.3,
      immersion: 'Oil',
    });
    expect(acquisition?.origins?.['channels.0.fluor']).toEqual({
      flavour: 'lsm',
      key: 'ScanInformation.Tracks.DetectionChannels[0].DyeName',
    });
    expect(acquisition?.origins?.['pixel_size_um.x']).toEqual({ flavour: 'lsm', key: 'CZ_LSMINFO.VoxelSizeX' });
  });

  it('an OME document: the objective its image names, time increment converted from ms', async () => {
    const stack = await readFixture(
      'acquisition/ome-xml/ometypes_image_stack_tpzc_50tp_2p_5z_3c_512k_1_MMStack_2-Pos000_000.ome.xml',
    );
    expect(stack?.time_increment_s).toBe(0.001);
    expect(stack?.origins?.time_increment_s).toEqual({ flavour: 'ome', key: 'Pixels@TimeIncrement' });
    const czi = await readFixture('acquisition/ome-xml/ometypes_s_1_t_1_c_1_z_1.ome.xml');
    expect(czi?.objective?.na).toBe(0.8);
    expect(czi?.origins?.['objective.na']).toEqual({ flavour: 'ome', key: 'Objective@LensNA' });
  });

  it('a ScanImage 3 file: its version and trigger time', async () => {
    const acquisition = await readFixture('acquisition/scanimage/jefferis-scanimage_Blank-IPA_1s_16r_032.tif');
    expect(acquisition?.sources).toEqual(['scanimage', 'tiff']);
    expect(acquisition?.origins?.acquired_at).toEqual({
      flavour: 'scanimage',
      key: 'state.internal.triggerTimeString',
    });
  });

  it('a file with ImageJ and plain tags: ImageJ first, no disagreement where they agree', async () => {
    const acquisition = await readFixture('tiff/generated/imagej-hyperstack-tzcyx-u16.tif');
    expect(acquisition?.sources).toEqual(['imagej', 'tiff']);
    expect(acquisition?.origins?.['pixel_size_um.z']).toEqual({ flavour: 'imagej', key: 'spacing+unit' });
    expect(acquisition?.origins?.acquired_at).toEqual({ flavour: 'tiff', key: 'DateTime' });
    // tifffile wrote it: a converter, not the acquisition software
    expect(acquisition?.written_by).toBe('tifffile.py');
    expect(acquisition?.software).toBeUndefined();
    expect(acquisition?.origins?.written_by).toEqual({ flavour: 'tiff', key: 'Software' });
    expect(acquisition?.disagreements).toBeUndefined();
  });

  it('a ScanImage 2019 file: frame data in Software is not a second, disagreeing program name', async () => {
    const acquisition = await readFixture('tiff/generated/scanimage-zc.tif');
    expect(acquisition?.software).toBe('ScanImage 2019a');
    expect(acquisition?.sources).toEqual(['scanimage', 'tiff']);
    expect(acquisition?.disagreements).toBeUndefined();
  });

  it('a listing carries the same values without their origins', async () => {
    for (const name of Object.keys(EXPECTED).filter((key) => !key.endsWith('.xml'))) {
      const detail = await readFixture(name);
      const listed = await readFixture(name, readTiffSummary);
      if (detail === undefined) expect(listed).toBeUndefined();
      else expect(listed).toEqual({ ...detail, origins: undefined });
      expect(listed === undefined || !('origins' in listed)).toBe(true);
    }
  });
});
