/**
 * HTAN's channel metadata CSV (`Imaging Level 3 Channels`, MITI's channel attributes) from the
 * channel table in force: one row per channel, each attribute from the table's column of the
 * same name (the channel table uses MITI's names), RRIDs without their `RRID:` prefix.
 */
import { channelFileTable, type ChannelsInForce } from './channel-file';
import { ruleOfAttribute } from './column-rules';
import type { SubmissionImage } from './image-facts';
import type { HtanComponent } from './metadata-templates';
import type { SubmissionTable } from './submission-cells';

/** The file name of the channel metadata CSV, beside the Level 2 manifest that names it. */
export const HTAN_CHANNELS_FILE = 'imaging-level-3-channels.csv';

/** The channel metadata of `component` from `channels`, checked against the channels of `images`. */
export function htanChannelsTable(
  component: HtanComponent,
  channels: ChannelsInForce,
  images: readonly SubmissionImage[],
): SubmissionTable {
  return channelFileTable(
    {
      file: HTAN_CHANNELS_FILE,
      columns: component.attributes.map((attribute) => ({ rule: ruleOfAttribute(attribute), names: [attribute.name] })),
      takes: () => true,
      noRows: 'the channel table has no rows: the file has its header only; list one row per channel there',
      repository: 'HTAN',
    },
    channels,
    images,
  );
}
