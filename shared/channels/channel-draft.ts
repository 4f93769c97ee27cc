/**
 * A channel table drafted from what the files recorded: the channels of the most common
 * channel layout among the images (names, fluorophores, wavelengths), for a person to complete.
 */
import type { Acquisition, AcquisitionChannel } from '../acquisition/acquisition-types';
import { emptyChannelTable, type ChannelTable } from './channel-table';

/** What a draft needs of one image: its number of channels and what its file recorded. */
export interface ChannelSource {
  channelCount: number;
  acquisition: Acquisition | undefined;
}

/** A wavelength as the table writes it: whole nm without decimals, else as it is. */
const nm = (value: number | undefined): string => (value === undefined ? '' : String(Number(value.toPrecision(6))));

function draftRow(i: number, channel: AcquisitionChannel | undefined): Record<string, string> {
  return {
    'Channel ID': `Channel:0:${i}`,
    'Channel Name': channel?.name ?? '',
    Fluorophore: channel?.fluor ?? '',
    'Excitation Wavelength': nm(channel?.excitation_nm),
    'Emission Wavelength': nm(channel?.emission_nm),
  };
}

/**
 * The draft for images: the layout (channel count and recorded channels) most images share,
 * the first such image's channels winning a tie; no rows when no image has channels.
 */
export function draftChannelTable(sources: Iterable<ChannelSource>): ChannelTable {
  const layouts = new Map<string, { count: number; channels: AcquisitionChannel[]; images: number }>();
  for (const { channelCount, acquisition } of sources) {
    if (!Number.isInteger(channelCount) || channelCount < 1) continue;
    const recorded = acquisition?.channels?.length === channelCount ? acquisition.channels : [];
    const channels = recorded.map(({ name, fluor, excitation_nm, emission_nm }) => ({
      name,
      fluor,
      excitation_nm,
      emission_nm,
    }));
    const key = JSON.stringify([channelCount, channels]);
    const layout = layouts.get(key) ?? { count: channelCount, channels, images: 0 };
    layout.images++;
    layouts.set(key, layout);
  }
  let best: { count: number; channels: AcquisitionChannel[]; images: number } | undefined;
  for (const layout of layouts.values()) if (best === undefined || layout.images > best.images) best = layout;
  const table = emptyChannelTable();
  if (best === undefined) return table;
  const chosen = best;
  table.rows = Array.from({ length: chosen.count }, (_, i) => draftRow(i, chosen.channels[i]));
  return table;
}
