import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acquisitionLines, disagreementTexts } from '../../../../shared/acquisition/acquisition-details';
import {
  acquiredText,
  acquiredWithoutZone,
  acquisitionSummary,
  channelText,
  intervalText,
  objectiveText,
  pixelSizeText,
  recordedNumber,
  shortNumber,
} from '../../../../shared/acquisition/acquisition-text';
import { tallyAcquisitions } from '../../../../shared/acquisition/acquisition-tally';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';

/** Acquisitions read by independent readers from real vendor files (see test/fixtures/SOURCES.md). */
const expected = JSON.parse(
  readFileSync(new URL('../../../fixtures/formats/expected.json', import.meta.url), 'utf8'),
) as Record<string, { acquisition: Acquisition }>;
const fixture = (name: string): Acquisition => expected[name]!.acquisition;

describe('acquisition in words', () => {
  it('summarises a Nikon confocal stack as a microscopist would say it', () => {
    expect(acquisitionSummary(fixture('nd2/pims_nd2_cluster.nd2'))).toBe(
      'Plan Apo λ 60x (NA 0.95) · 2 channels: 5-FAM/pH 9.0 488/525, FM 4-64/2% CHAPS 561/700 · 0.168 µm/px · z 0.5 µm',
    );
  });

  it('names immersion, dyes without wavelengths and the frame interval', () => {
    expect(acquisitionSummary(fixture('lif/readlif_testdata_2channel_xz.lif'))).toBe(
      'HC PL APO CS2 63x/1.30 GLYC · 2 channels: Leica/FITC, Leica/TRITC · 0.14 µm/px · z 0.14 µm · every 530 ms',
    );
  });

  it('says nothing for a file that recorded nothing but its software', () => {
    expect(acquisitionSummary(fixture('czi/czitools_newCZI_compressed.czi'))).toBe('');
  });

  it('writes numbers short and units that read best', () => {
    expect(shortNumber(0.09999999999999999)).toBe('0.1');
    expect(shortNumber(1.2000000000000002)).toBe('1.2');
    expect(shortNumber(44.83)).toBe('44.8');
    expect(shortNumber(0)).toBe('0');
    expect(shortNumber(1.2691301e-12, 4)).toBe('1.269e-12');
    expect(recordedNumber(1.2691301e-12)).toBe('1.269e-12');
    expect(intervalText(0.53)).toBe('530 ms');
    expect(intervalText(2)).toBe('2 s');
    expect(intervalText(300)).toBe('5 min');
    expect(intervalText(undefined)).toBe('');
  });

  it('writes a recorded number as recorded and a computed one to 4 significant digits', () => {
    expect(recordedNumber(1.4000000000000001)).toBe('1.4');
    expect(recordedNumber(0.09999999999999999)).toBe('0.1');
    expect(recordedNumber(0.0439)).toBe('0.0439');
    expect(recordedNumber(0.144992)).toBe('0.144992');
    expect(recordedNumber(0.10481442857142857)).toBe('0.1048');
    expect(recordedNumber(0.29999999988358467)).toBe('0.3');
    expect(recordedNumber(530.0000000000001)).toBe('530');
    expect(intervalText(0.53, recordedNumber)).toBe('530 ms');
    expect(pixelSizeText({ x: 0.16780898323268245, y: 0.16780898323268245 }, recordedNumber)).toBe('0.1678 µm/px');
  });

  it('formats objectives, channels and pixel sizes from partial values', () => {
    expect(objectiveText({ magnification: 40, na: 1.2000000000000002, immersion: 'Water' })).toBe('40×/1.20 Water');
    expect(objectiveText({ na: 0.75 })).toBe('NA 0.75');
    expect(objectiveText({ name: 'Objective Observation' })).toBe('Objective Observation');
    expect(objectiveText(undefined)).toBe('');
    expect(objectiveText({ name: 'Plan Apo λ 60x', magnification: 60, na: 0.95 })).toBe('Plan Apo λ 60x (NA 0.95)');
    expect(objectiveText({ name: 'EC Plan-Neofluar 40x/1.30 Oil', magnification: 40, na: 1.3, immersion: 'Oil' })).toBe(
      'EC Plan-Neofluar 40x/1.30 Oil',
    );
    expect(objectiveText({ name: 'Objective  Observation', magnification: 44.83, na: 1, immersion: 'Water' })).toBe(
      'Objective Observation (44.8×/1.00 Water)',
    );
    expect(channelText({ name: 'ChS1', fluor: 'Alexa Fluor 568', excitation_nm: 561 })).toBe(
      'ChS1 (Alexa Fluor 568) ex 561',
    );
    expect(channelText({ name: 'DAPI', fluor: 'DAPI' })).toBe('DAPI');
    expect(channelText({ name: 'CH1', excitation_nm: 488 })).toBe('CH1 ex 488');
    expect(channelText({ fluor: 'DAPI', emission_nm: 461.4 })).toBe('DAPI em 461');
    expect(pixelSizeText({ x: 0.1, y: 0.12 })).toBe('0.1 × 0.12 µm/px');
    expect(pixelSizeText({ x: 0.14 })).toBe('0.14 µm/px');
    expect(pixelSizeText({ z: 1 })).toBe('');
  });

  it('keeps the date as the file recorded it, to the minute, with the zone it gives', () => {
    expect(acquiredText('2019-12-08T20:28:57.9494412Z')).toBe('2019-12-08 20:28 UTC');
    expect(acquiredText('2026-03-05T10:11:12+01:00')).toBe('2026-03-05 10:11 +01:00');
    expect(acquiredText('2019-06-27T18:33:40')).toBe('2019-06-27 18:33');
    expect(acquiredText('2012-07-26')).toBe('2012-07-26');
    expect(acquiredText('yesterday')).toBe('yesterday');
  });

  it('tells a time of day recorded without a zone', () => {
    expect(acquiredWithoutZone('2019-06-27T18:33:40')).toBe(true);
    expect(acquiredWithoutZone('2019-12-08T20:28:57.9494412Z')).toBe(false);
    expect(acquiredWithoutZone('2026-03-05T10:11:12-05:00')).toBe(false);
    expect(acquiredWithoutZone('2012-07-26')).toBe(false);
    expect(acquiredWithoutZone(undefined)).toBe(false);
  });
});

describe('acquisition details', () => {
  it('lists every known value with the place it was read from', () => {
    const acquisition: Acquisition = {
      ...fixture('oib/oiffile_test.oib'),
      origins: {
        'objective.name': { flavour: 'oib', key: 'Reference Image Parameter.ObjectiveName' },
        'objective.na': { flavour: 'oib', key: 'Reference Image Parameter.ObjectiveNA' },
        'channels.1.fluor': { flavour: 'oib', key: 'Channel 2 Parameters.DyeName' },
      },
    };
    const lines = acquisitionLines(acquisition);
    expect(lines.map((l) => l.label)).toEqual([
      'Instrument',
      'Objective',
      'Channel 1',
      'Channel 2',
      'Channel 3',
      'Pixel size',
      'Acquired',
      'Software',
    ]);
    expect(lines[1]).toEqual({
      label: 'Objective',
      value: 'UPLFLN 40X NA:0.75',
      sources: ['OIB Reference Image Parameter.ObjectiveName', 'OIB Reference Image Parameter.ObjectiveNA'],
    });
    expect(lines[3]!.value).toBe('CH2 (Alexa Fluor 546) 543/572');
    expect(lines[3]!.sources).toEqual(['OIB Channel 2 Parameters.DyeName']);
    expect(lines[5]!.value).toBe('X 0.177 µm · Y 0.177 µm');
  });

  it("names each channel's detector as the file records it", () => {
    const channel = (i: number): string | undefined =>
      acquisitionLines(fixture('lif/readlif_testdata_2channel_xz.lif'))[i + 2]?.value;
    expect(channel(0)).toMatch(/ · detector HyD 1 \(HyD\)$/);
    expect(channel(1)).toMatch(/ · detector HyD 3 \(HyD\)$/);
    const ome = acquisitionLines({
      sources: ['ome'],
      channels: [{ detector_manufacturer: 'Hamamatsu', detector_model: 'C11440', detector_serial: '42' }],
    });
    expect(ome[0]?.value).toBe('— · detector Hamamatsu C11440 (SN 42)');
  });

  it('shows the acquisition time as a person reads it, its zone as written', () => {
    const acquired = (acquired_at: string) =>
      acquisitionLines({ acquired_at, sources: ['nd2'] }).find((l) => l.label === 'Acquired')?.value;
    expect(acquired('2014-06-18T13:55:23.392Z')).toBe('2014-06-18 13:55:23.392 UTC');
    expect(acquired('2026-03-05T10:11:12+01:00')).toBe('2026-03-05 10:11:12 +01:00');
    expect(acquired('2019-06-27T18:33:40')).toBe('2019-06-27 18:33:40');
  });

  it('names both values when two flavours disagree', () => {
    const acquisition: Acquisition = {
      sources: ['ome', 'imagej'],
      disagreements: [
        {
          key: 'pixel_size_um.x',
          values: [
            { value: 0.1, source: { flavour: 'ome', key: 'Pixels@PhysicalSizeX' } },
            { value: 0.2, source: { flavour: 'imagej', key: 'spacing' } },
          ],
        },
      ],
    };
    expect(disagreementTexts(acquisition)).toEqual([
      'pixel_size_um.x: 0.1 (OME-XML Pixels@PhysicalSizeX) or 0.2 (ImageJ spacing)',
    ]);
  });
});

describe('acquisitions counted over a selection', () => {
  it('gives each distinct value with its image count, most common first', () => {
    const nd2 = fixture('nd2/pims_nd2_cluster.nd2');
    const lif = fixture('lif/readlif_testdata_2channel_xz.lif');
    const aspects = tallyAcquisitions([nd2, lif, nd2, undefined]);
    const objective = aspects.find((a) => a.label === 'Objective')!;
    expect(objective).toEqual({
      label: 'Objective',
      values: [
        { value: 'Plan Apo λ 60x (NA 0.95)', count: 2 },
        { value: 'HC PL APO CS2 63x/1.30 GLYC', count: 1 },
      ],
      unknown: 1,
    });
    expect(aspects.find((a) => a.label === 'Interval')).toEqual({
      label: 'Interval',
      values: [{ value: '530 ms', count: 1 }],
      unknown: 3,
    });
  });

  it('leaves out what no image recorded', () => {
    expect(tallyAcquisitions([fixture('czi/czitools_newCZI_compressed.czi'), undefined])).toEqual([
      { label: 'Converted with', values: [{ value: 'pylibCZIrw 3.2.1', count: 1 }], unknown: 1 },
    ]);
    expect(tallyAcquisitions([undefined, { sources: ['tiff'] }])).toEqual([]);
  });
});
