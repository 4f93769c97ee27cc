/**
 * HuBMAP's extras/microscope_settings.json from a real CZI (a Celldiscoverer 7 file) matched to
 * a description of its microscope: the Micro-Meta App settings document naming the parts in use
 * by their IDs in the description written beside it, the pixel size as the file records it; no
 * file when nothing was matched, when the images differ (a to-do), when the lab's own is there,
 * or for an assay whose directory schema has no place for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import { readVendorHeader } from '../../../../shared/formats';
import { matchedHardware, matchInstrument, readInstrumentDescription } from '../../../../shared/instruments';
import {
  HARDWARE_FILE,
  SETTINGS_FILE,
  submissionParts,
  type SubmissionFormat,
  type SubmissionImage,
} from '../../../../shared/submission';
import { fixtureBytes, recordingSource } from '../formats/vendor-source';

const FILE = 'acqmeta.instruments/facility-cd7.json';
const TEXT = readFileSync(new URL('../../../fixtures/instruments/facility-cd7.json', import.meta.url), 'utf8');
const CD7 = readInstrumentDescription(TEXT, FILE).description!;
const CZI = 'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
const ACQUISITION = readVendorHeader(recordingSource(fixtureBytes(`czi/${CZI}`)), CZI).acquisition;

/** The CZI at `path` (its acquisition changed by `edit`), matched to the facility's description. */
function image(path: string, edit: (a: Acquisition) => Acquisition = (a) => a): SubmissionImage {
  const acquisition = edit(ACQUISITION);
  return {
    path,
    format: 'czi',
    header: null,
    acquisition,
    values: DEFAULT_FIELD_VALUES,
    hardware: matchedHardware(matchInstrument(acquisition, [CD7]), [CD7]),
  };
}

const parts = (images: SubmissionImage[], format: SubmissionFormat = 'hubmap:confocal', settingsPresent = false) =>
  submissionParts(format, {
    folderName: 'ds',
    images,
    channels: null,
    description: { file: FILE, text: TEXT },
    settingsPresent,
  });
const settingsOf = (images: SubmissionImage[]) => parts(images).find((part) => part.name === SETTINGS_FILE);
const todoOf = (images: SubmissionImage[]) => parts(images)[0]!.table.todo.filter((item) => item.row === SETTINGS_FILE);

describe('extras/microscope_settings.json', () => {
  it('names the objective, LED, emission filter and camera the CZI used by their IDs in the description', () => {
    const written = settingsOf([image('a.czi'), image('b.czi')]);
    expect(written?.inDataset).toBe(true);
    expect(JSON.parse(written!.text)).toEqual({
      Name: 'Facility CD7 acquisition settings',
      Schema_ID: 'Image.json',
      ID: 'cd7-settings',
      ModelVersion: '2.01.0',
      InstrumentName: 'Facility CD7',
      InstrumentID: 'cd7',
      Domain: 'ImageAcquisitionSettings',
      Category: 'Image',
      Pixels: {
        Schema_ID: 'Pixels.json',
        ID: 'cd7-settings-pixels',
        PhysicalSizeX: 1.6,
        PhysicalSizeXUnit: 'µm',
        PhysicalSizeY: 1.6,
        PhysicalSizeYUnit: 'µm',
        PhysicalSizeZ: 1,
        PhysicalSizeZUnit: 'µm',
      },
      // the file records Air: no immersion liquid
      ObjectiveSettings: { Schema_ID: 'ObjectiveSettings.json', ID: 'cd7-settings-objective', Component_ID: 'obj5' },
      Channels: [
        {
          Schema_ID: 'Channel.json',
          ID: 'cd7-settings-channel-0',
          Name: 'DAPI',
          LightPath: {
            Schema_ID: 'LightPath.json',
            ID: 'cd7-settings-channel-0-light-path',
            ComponentSettings: {
              LightSource: {
                Schema_ID: 'LightSourceSettings.json',
                ID: 'cd7-settings-channel-0-LightSource',
                Component_ID: 'led',
              },
              EmissionFilter: { ID: 'cd7-settings-channel-0-EmissionFilter', Component_ID: 'em' },
              Detector: { ID: 'cd7-settings-channel-0-Detector', Component_ID: 'cam' },
            },
          },
        },
      ],
    });
    // every part it names is in the description written beside it
    const hardware = parts([image('a.czi')]).find((part) => part.name === HARDWARE_FILE)!;
    const ids = JSON.parse(hardware.text).components.map((c: { ID: string }) => c.ID);
    expect(ids).toEqual(expect.arrayContaining(['obj5', 'led', 'em', 'cam']));
    expect(written!.text.endsWith('}\n')).toBe(true);
  });

  it('writes the immersion liquid the file records, in the Micro-Meta App’s words', () => {
    const water = (a: Acquisition) => ({ ...a, objective: { ...a.objective, immersion: 'Water' } });
    const written = JSON.parse(settingsOf([image('a.czi', water)])!.text);
    expect(written.ObjectiveSettings.ImmersionLiquid).toEqual({
      Schema_ID: 'ImmersionLiquid.json',
      ID: 'cd7-settings-immersion',
      Type: 'Water',
    });
  });

  it('is not written for images taken otherwise, the to-do naming two of them and what differs', () => {
    const finer = (a: Acquisition) => ({ ...a, pixel_size_um: { x: 0.8, y: 0.8, z: 1 } });
    const images = [image('a.czi'), image('b.czi', finer)];
    expect(settingsOf(images)).toBeUndefined();
    expect(todoOf(images)).toEqual([
      {
        row: SETTINGS_FILE,
        column: 'the file',
        required: false,
        reason:
          'not written: a settings file describes one acquisition, and a.czi and b.czi were not taken alike (pixel size or time step); write it in the dataset folder yourself, or make a dataset of the images taken alike',
      },
    ]);
  });

  it('says nothing when no part of the description was matched, the lab’s own is there, or the assay has no place for it', () => {
    const bare = (a: Acquisition) => ({ instrument: a.instrument, sources: a.sources });
    expect(settingsOf([image('a.czi', bare)])).toBeUndefined();
    expect(todoOf([image('a.czi', bare)])).toEqual([]);
    expect(parts([image('a.czi')], 'hubmap:confocal', true).map((part) => part.name)).not.toContain(SETTINGS_FILE);
    expect(parts([image('a.czi')], 'hubmap:imc-2d').map((part) => part.name)).not.toContain(SETTINGS_FILE);
    expect(parts([image('a.czi')], 'hubmap:lightsheet').map((part) => part.name)).toContain(SETTINGS_FILE);
  });
});
