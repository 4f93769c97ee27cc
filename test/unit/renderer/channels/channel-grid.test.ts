import { describe, expect, it } from 'vitest';
import type { ChannelTableInfo } from '../../../../shared/api';
import { emptyChannelTable } from '../../../../shared/channels/channel-table';
import {
  channelGroupText,
  tidyChannelTable,
  channelSaveBlocker,
  channelTableFolder,
  channelTableOrigin,
  newChannelRow,
} from '../../../../renderer/src/channels/channel-grid';

const draft = { ...emptyChannelTable(), rows: [{ 'Channel ID': 'Channel:0:0', 'Channel Name': 'DAPI' }] };

function info(extra: Partial<ChannelTableInfo> = {}): ChannelTableInfo {
  return {
    folder: 'raw',
    file: 'raw/acqmeta.channels.csv',
    inForce: null,
    table: null,
    version: null,
    problem: null,
    draft,
    groups: [],
    images: 3,
    ...extra,
  };
}

describe('the channel table grid', () => {
  it('is for the nearest folder holding every selected image', () => {
    expect(channelTableFolder(['raw/day1/a.tif'])).toBe('raw/day1');
    expect(channelTableFolder(['raw/day1/a.tif', 'raw/day1/b.tif'])).toBe('raw/day1');
    expect(channelTableFolder(['raw/day1/a.tif', 'raw/day10/b.tif'])).toBe('raw');
    expect(channelTableFolder(['raw/day1/a.tif', 'c.tif'])).toBe('');
    expect(channelTableFolder([])).toBe('');
    // a collection's images are ruled by the folder holding the collection, never a folder inside it
    expect(channelTableFolder(['raw/lab.ome.zarr/acq_images/acq_image_000'])).toBe('raw');
    expect(channelTableFolder(['raw/lab.ome.zarr/acq_images/a', 'raw/lab.ome.zarr/acq_images/b'])).toBe('raw');
  });

  it('says where its rows came from and what saving does', () => {
    expect(channelTableOrigin(info())).toEqual([
      'Drafted from the headers of 3 images: complete it.',
      'Saving creates raw/acqmeta.channels.csv.',
    ]);
    expect(channelTableOrigin(info({ table: draft }))).toEqual(['From raw/acqmeta.channels.csv.']);
    expect(channelTableOrigin(info({ inForce: 'acqmeta.channels.csv' }))[1]).toBe(
      'The table in force is acqmeta.channels.csv; saving creates one for this folder (raw/acqmeta.channels.csv).',
    );
    expect(channelTableOrigin(info({ problem: 'line 2: an unclosed quote' }))).toEqual([
      'raw/acqmeta.channels.csv cannot be read: line 2: an unclosed quote',
      'Drafted from the headers of 3 images: complete it.',
      'Saving replaces raw/acqmeta.channels.csv; that cannot be undone.',
    ]);
  });

  it('names a group of images by its channels, its size and its first image', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name }));
    const group = { channelCount: 7, channels: names, images: 1, first: 'raw/x.czi' };
    expect(channelGroupText(group)).toBe('7 channels (a, b, c, d, e, f, …) in 1 image, the first raw/x.czi');
    expect(channelGroupText({ ...group, channelCount: 2, channels: [{ fluor: 'Leica/FITC' }, {}], images: 4 })).toBe(
      '2 channels (Leica/FITC, channel 2 unnamed) in 4 images, the first raw/x.czi',
    );
    expect(channelGroupText({ ...group, channels: [] })).toBe(
      '7 channels, not named in the files, in 1 image, the first raw/x.czi',
    );
  });

  it('reads a wavelength typed with its unit as the number of nm', () => {
    const typed = {
      columns: ['Channel ID', 'Excitation Wavelength', 'Emission Wavelength', 'Target Name'],
      rows: [
        {
          'Channel ID': ' Channel:0:0 ',
          'Excitation Wavelength': '561nm',
          'Emission Wavelength': '600 NM',
          'Target Name': '5 nm beads',
        },
      ],
    };
    expect(tidyChannelTable(typed).rows[0]).toEqual({
      'Channel ID': 'Channel:0:0',
      'Excitation Wavelength': '561',
      'Emission Wavelength': '600',
      'Target Name': '5 nm beads',
    });
  });

  it('gives a new row the next free Channel ID', () => {
    expect(newChannelRow(draft)).toEqual({ 'Channel ID': 'Channel:0:1' });
    const taken = { ...draft, rows: [{ 'Channel ID': 'Channel:0:1' }] };
    expect(newChannelRow(taken)).toEqual({ 'Channel ID': 'Channel:0:2' });
  });

  it('cannot be saved with problems, without rows, or unchanged from the file', () => {
    const problem = { row: 0, column: 'Channel ID', message: 'Row 1: Channel ID is empty' };
    expect(channelSaveBlocker(info(), draft, [problem])).toBe('To save, fix Row 1: Channel ID is empty.');
    expect(channelSaveBlocker(info(), draft, [problem, problem])).toBe(
      'To save, fix Row 1: Channel ID is empty (and 1 more).',
    );
    expect(channelSaveBlocker(info(), emptyChannelTable(), [])).toBe('Add at least one channel to save.');
    expect(channelSaveBlocker(info({ table: draft }), draft, [])).toBe(
      'Nothing changed from raw/acqmeta.channels.csv.',
    );
    expect(channelSaveBlocker(info(), draft, [])).toBeNull();
  });
});
