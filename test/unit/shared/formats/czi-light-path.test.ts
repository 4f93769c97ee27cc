/**
 * What a ZEN CZI records of its stand, objective, lasers, filters and channel names, read where
 * ZEN puts them (the values below are those of the files' metadata XML), with the numbers people
 * read free of the float noise ZEN writes (`1.4000000000000001`, `488.00000000000006`).
 */
import { describe, expect, it } from 'vitest';
import { acquisitionLines } from '../../../../shared/acquisition/acquisition-details';
import { readVendorHeader } from '../../../../shared/formats';
import { fixtureBytes, recordingSource } from './vendor-source';

const acquisitionOf = (name: string) =>
  readVendorHeader(recordingSource(fixtureBytes(`czi/${name}`)), name).acquisition;

describe('a CZI’s light path', () => {
  it('an LSM 880 Airyscan file: its System, objective model, lasers and emission filters', () => {
    const acquisition = acquisitionOf('czitools_Airyscan.czi');
    expect(acquisition.instrument).toEqual({ model: 'LSM 880, AxioObserver' });
    expect(acquisition.objective).toEqual({
      name: 'Plan-Apochromat 63x/1.4 Oil DIC M27',
      magnification: 63,
      na: 1.4,
      immersion: 'Oil',
    });
    expect(acquisition.channels).toEqual([
      {
        name: 'ChA-T1',
        excitation_nm: 561,
        dye_excitation_nm: 561,
        emission_nm: 578.617841,
        light_source: 'DPSS 561-10',
        emission_filter: 'BP 495-550 + LP 570',
        detector_type: 'Airyscan',
        color: 'FF0000',
      },
      {
        name: 'ChA-T2',
        excitation_nm: 488,
        dye_excitation_nm: 488,
        emission_nm: 522.5,
        light_source: 'ArgonRemote',
        emission_filter: 'BP 495-550 + LP 570',
        detector_type: 'Airyscan',
        color: '00FF00',
      },
    ]);
    expect(acquisition.origins?.['instrument.model']?.key).toBe(
      "Information/Instrument/Microscopes/Microscope[@Id='Microscope:0']/System",
    );
    const lines = acquisitionLines(acquisition).map((line) => `${line.label}: ${line.value}`);
    expect(lines).toEqual([
      'Instrument: LSM 880, AxioObserver',
      'Objective: Plan-Apochromat 63x/1.4 Oil DIC M27',
      'Channel 1: ChA-T1 561/579 · light DPSS 561-10 · filter BP 495-550 + LP 570 · detector Airyscan',
      'Channel 2: ChA-T2 488/523 · light ArgonRemote · filter BP 495-550 + LP 570 · detector Airyscan',
      'Pixel size: X 0.04393 µm · Y 0.04393 µm',
      'Software: ZEN (blue edition) 3.5.093.00000',
    ]);
  });

  it('DAPI_GFP.czi: the channel names and colours ZEN kept in its display settings', () => {
    const acquisition = acquisitionOf('czitools_DAPI_GFP.czi');
    expect(acquisition.channels).toEqual([
      { name: 'DAPI', color: '0000FF' },
      { name: 'GFP', color: '00FF00' },
    ]);
    expect(acquisition.origins?.['channels.1.color']?.key).toBe('DisplaySetting/Channels/Channel[1]/Color');
    expect(acquisition.origins?.['channels.0.name']?.key).toBe("DisplaySetting/Channels/Channel[@Id='Channel:0']@Name");
    expect(acquisition.origins?.['channels.1.name']?.key).toBe('DisplaySetting/Channels/Channel[1]@Name');
  });
});
