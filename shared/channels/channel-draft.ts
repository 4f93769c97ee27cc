/**
 * A channel table drafted from what the files recorded: the images grouped by the channels they
 * record (count, names, fluorophores, wavelengths), and the table of a group, for a person to
 * complete. The images agree when they make at most one group.
 */
import type { Acquisition, AcquisitionChannel } from '../acquisition/acquisition-types';
import { emptyChannelTable, type ChannelTable } from './channel-table';

/** What a draft needs of one image: where it is, its number of channels and what its file recorded. */
export interface ChannelSource {
  path: string;
  channelCount: number;
  acquisition: Acquisition | undefined;
}

/** A channel as a draft writes it: the recorded attributes a channel table has a column for. */
export type DraftChannel = Pick<AcquisitionChannel, 'name' | 'fluor' | 'excitation_nm' | 'emission_nm'>;

/** Images that record the same channels, so that one table fits them all. */
export interface ChannelGroup {
  channelCount: number;
  /** Each channel as recorded, in order; empty when the files do not record one per channel. */
  channels: DraftChannel[];
  /** How many of the images read are in the group. */
  images: number;
  /** The group's first image, in the order the images were given. */
  first: string;
}

/** A wavelength as the table writes it: to six significant digits. */
const nm = (value: number | undefined): number | undefined =>
  value === undefined ? undefined : Number(value.toPrecision(6));

/** The channels of one image as a draft writes them; none when they are not recorded one per channel. */
function draftChannels({ channelCount, acquisition }: ChannelSource): DraftChannel[] {
  if (acquisition?.channels?.length !== channelCount) return [];
  return acquisition.channels.map(({ name, fluor, excitation_nm, emission_nm }) => ({
    name,
    fluor,
    excitation_nm: nm(excitation_nm),
    emission_nm: nm(emission_nm),
  }));
}

/**
 * The images grouped by the channels they record, the largest group first (of equal ones, the
 * one whose first image came first). An image that gives no channel count is in no group.
 */
export function channelGroups(sources: Iterable<ChannelSource>): ChannelGroup[] {
  const groups = new Map<string, ChannelGroup>();
  for (const source of sources) {
    const { channelCount, path } = source;
    if (!Number.isInteger(channelCount) || channelCount < 1) continue;
    const channels = draftChannels(source);
    const key = JSON.stringify([channelCount, channels]);
    const group = groups.get(key) ?? { channelCount, channels, images: 0, first: path };
    group.images++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.images - a.images);
}

function draftRow(i: number, channel: DraftChannel | undefined): Record<string, string> {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    'Channel ID': `Channel:0:${i}`,
    'Channel Name': channel?.name ?? '',
    Fluorophore: channel?.fluor ?? '',
    'Excitation Wavelength': text(channel?.excitation_nm),
    'Emission Wavelength': text(channel?.emission_nm),
  };
}

/** The table drafted for a group's images: one row per channel, with what their files recorded. */
export function groupChannelTable({ channelCount, channels }: ChannelGroup): ChannelTable {
  const table = emptyChannelTable();
  table.rows = Array.from({ length: channelCount }, (_, i) => draftRow(i, channels[i]));
  return table;
}

/** The draft for images grouped by {@link channelGroups}: the largest group's table; no rows when there is no group. */
export function draftChannelTable(groups: readonly ChannelGroup[]): ChannelTable {
  return groups[0] === undefined ? emptyChannelTable() : groupChannelTable(groups[0]);
}
