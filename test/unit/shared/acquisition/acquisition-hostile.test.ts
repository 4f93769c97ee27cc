/**
 * Hostile and contradictory acquisition metadata: the header still reads, the values concerned
 * are absent and the flavour's problem is named; flavours that disagree are listed, not picked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiffSummary } from '../../../../shared/tiff';
import { memorySource } from '../tiff/memory-source';
import { tiffWithTags } from './tiff-with-tags';

const DESCRIPTION = 270;
const SOFTWARE = 305;

function ome(pixels: string, image = ''): string {
  return `<?xml version="1.0"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0">${image}<Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" SizeX="4" SizeY="4" SizeC="1" SizeZ="1" SizeT="1" ${pixels}><Channel ID="Channel:0" SamplesPerPixel="1"/><TiffData/></Pixels></Image></OME>`;
}

async function summary(bytes: Uint8Array) {
  return readTiffSummary(memorySource(bytes));
}

describe('hostile acquisition metadata', () => {
  it('XML entity expansion: the internal DTD is not interpreted, the description is not OME', async () => {
    const laughs = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE OME [<!ENTITY lol0 "lol">${laughs}]>${ome('PhysicalSizeX="&lol10;"')}`;
    const result = await summary(tiffWithTags([{ code: DESCRIPTION, text }]));
    expect(result.header.shape).toBe('(4, 4)');
    expect(result.acquisition?.pixel_size_um).toBeUndefined();
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it('a 50 MB ImageJ description reads its few items', async () => {
    const text = `ImageJ=1.53t\nunit=micron\nspacing=0.5\nfinterval=2\n${'x'.repeat(50 * 1024 * 1024)}`;
    const bytes = tiffWithTags([
      { code: DESCRIPTION, text },
      { code: 282, rational: [10, 1] },
      { code: 283, rational: [10, 1] },
    ]);
    const result = await summary(bytes);
    expect(result.acquisition?.pixel_size_um).toEqual({ x: 0.1, y: 0.1, z: 0.5 });
    expect(result.acquisition?.time_increment_s).toBe(2);
  });

  it('a 50 MB ScanImage description: only its first megabytes are looked at', async () => {
    const text = `state.software.version=3.8\r${'state.junk=1\r'.repeat(4 * 1024 * 1024)}`;
    const result = await summary(tiffWithTags([{ code: DESCRIPTION, text }]));
    expect(result.acquisition?.software).toBe('ScanImage 3.8');
  });

  it('ScanImage text of a million lines without "=": read in one pass, the key after them found', async () => {
    const text = `state.junk\n${'x\n'.repeat(1024 * 1024)}state.software.version=5.1\n`;
    const result = await summary(tiffWithTags([{ code: DESCRIPTION, text }]));
    expect(result.acquisition?.software).toBe('ScanImage 5.1');
  });

  it('malformed Micro-Manager JSON: its problem is named, the other flavours still read', async () => {
    const bytes = tiffWithTags([
      { code: 51123, text: '{"PixelSizeUm": 0.5, "Time": ' },
      { code: SOFTWARE, text: 'Micro-Manager' },
    ]);
    const result = await summary(bytes);
    expect(result.header.shape).toBe('(4, 4)');
    expect(result.acquisition?.problems).toEqual(['Micro-Manager: its metadata is not a JSON object']);
    expect(result.acquisition?.software).toBe('Micro-Manager');
    expect(result.acquisition?.pixel_size_um).toBeUndefined();
  });

  it('Micro-Manager JSON that is well formed gives its values', async () => {
    const text = JSON.stringify({
      PixelSizeUm: 0.65,
      'Objective-Label': 'Nikon 20X Plan Apo',
      Time: '2014-06-12 14:50:21 +0200',
      MicroManagerVersion: '1.4.16',
    });
    const result = await summary(tiffWithTags([{ code: 51123, text }]));
    expect(result.acquisition).toMatchObject({
      pixel_size_um: { x: 0.65, y: 0.65 },
      objective: { name: 'Nikon 20X Plan Apo' },
      acquired_at: '2014-06-12T14:50:21+02:00',
      software: 'Micro-Manager 1.4.16',
      sources: ['micromanager', 'tiff'],
    });
  });

  it('units no one knows: the value is absent and the problem named', async () => {
    const omeText = ome(
      'PhysicalSizeX="2" PhysicalSizeXUnit="furlong" PhysicalSizeY="0.5" TimeIncrement="3" TimeIncrementUnit="fortnight"',
    );
    const result = await summary(tiffWithTags([{ code: DESCRIPTION, text: omeText }]));
    expect(result.acquisition?.pixel_size_um).toEqual({ y: 0.5 });
    expect(result.acquisition?.time_increment_s).toBeUndefined();
    expect(result.acquisition?.problems).toEqual([
      'OME-XML: Pixels@PhysicalSizeXUnit "furlong" is not a unit AcqMeta knows; PhysicalSizeX is left out',
      'OME-XML: Pixels@TimeIncrementUnit "fortnight" is not a unit AcqMeta knows; TimeIncrement is left out',
    ]);
    const imagej = await summary(
      tiffWithTags([
        { code: DESCRIPTION, text: 'ImageJ=1.53t\nunit=parsec\n' },
        { code: 282, rational: [10, 1] },
        { code: 283, rational: [10, 1] },
      ]),
    );
    expect(imagej.acquisition?.pixel_size_um).toBeUndefined();
    expect(imagej.acquisition?.problems?.[0]).toMatch(/ImageJ: unit "parsec" is not a length/);
  });

  it('a date that is no date: absent, with its problem', async () => {
    const result = await summary(tiffWithTags([{ code: 306, text: '2023:13:45 99:00:00' }]));
    expect(result.acquisition?.acquired_at).toBeUndefined();
    expect(result.acquisition?.problems).toEqual(['TIFF: DateTime "2023:13:45 99:00:00" is not a date']);
  });

  it('LSM scan information that runs past the file: the problem named, CZ_LSMINFO values kept', async () => {
    const bytes = new Uint8Array(
      readFileSync(path.resolve(__dirname, '../../../fixtures/tiff/zeiss/jimpipeline_test.lsm')),
    );
    const view = new DataView(bytes.buffer);
    // the CZ_LSMINFO tag (34412) of the first IFD; its OffsetScanInformation moved to 20 bytes before the end
    const ifd = view.getUint32(4, true);
    let info = 0;
    for (let i = 0; i < view.getUint16(ifd, true); i++)
      if (view.getUint16(ifd + 2 + i * 12, true) === 34412) info = view.getUint32(ifd + 2 + i * 12 + 8, true);
    const scanInfo = bytes.length - 20;
    view.setUint32(info + 124, scanInfo, true);
    view.setUint32(scanInfo, 0x10000000, true);
    view.setUint32(scanInfo + 12, 0x10000001, true);
    view.setUint32(scanInfo + 16, 2, true);
    const result = await summary(bytes);
    expect(result.acquisition?.problems).toEqual(['LSM: its scan information runs past its bounds']);
    expect(result.acquisition?.pixel_size_um?.x).toBeCloseTo(0.6919, 4);
    expect(result.acquisition?.objective).toBeUndefined();
  });
});

describe('flavours that disagree', () => {
  it('lists both values with their origins and keeps the first flavour’s', async () => {
    const bytes = tiffWithTags([
      {
        code: DESCRIPTION,
        text: ome('PhysicalSizeX="0.5" PhysicalSizeY="0.5"', '<AcquisitionDate>2024-01-02T03:04:05</AcquisitionDate>'),
      },
      { code: 282, rational: [40000, 1] },
      { code: 283, rational: [20000, 1] },
      { code: 296, short: 3 },
      { code: 306, text: '2024:01:02 03:04:05' },
    ]);
    const acquisition = (await summary(bytes)).acquisition;
    expect(acquisition?.sources).toEqual(['ome', 'tiff']);
    expect(acquisition?.pixel_size_um).toEqual({ x: 0.5, y: 0.5 });
    expect(acquisition?.acquired_at).toBe('2024-01-02T03:04:05');
    expect(acquisition?.disagreements).toEqual([
      {
        key: 'pixel_size_um.x',
        values: [
          { value: 0.5, source: { flavour: 'ome', key: 'Pixels@PhysicalSizeX' } },
          { value: 0.25, source: { flavour: 'tiff', key: 'XResolution' } },
        ],
      },
    ]);
  });
});
