/**
 * A folder's channel-table draft together with how its images agree with it: the draft is
 * {@link draftForFolder}'s (the one the app's dialog shows); each image it read is compared with it.
 */
import { draftChannelTable } from '../../shared/channels/channel-draft';
import { channelTableText, type ChannelTable } from '../../shared/channels/channel-table';
import { draftForFolder } from '../services/channels';
import type { TiffScanner } from '../services/tiff';

/** Images read for a draft that have other channels than it lists, by their channel count. */
export interface OtherLayout {
  channelCount: number;
  images: number;
}

/** A draft, and what the headers it was made from say of it. */
export interface CheckedDraft {
  draft: ChannelTable;
  /** Images under the folder (their headers read or not). */
  images: number;
  /** Headers read for the draft. */
  read: number;
  /** Images whose headers were read and whose channels are the draft's. */
  agreeing: number;
  /** The other images read, by channel count (ascending); the draft's own count when only the recorded channels differ. */
  others: OtherLayout[];
  /** Images whose header could not be read, in listing order. */
  unread: { absPath: string; message: string }[];
}

/** The draft for the images under `absDir`, with the images that do not fit it and the headers that could not be read. */
export async function checkedDraftForFolder(absDir: string, scanner: TiffScanner): Promise<CheckedDraft> {
  const { draft, images, read } = await draftForFolder(absDir, scanner);
  const text = channelTableText(draft);
  const others = new Map<number, number>();
  let agreeing = 0;
  const unread: CheckedDraft['unread'] = [];
  for (const entry of read) {
    if ('message' in entry) {
      unread.push(entry);
      continue;
    }
    if (channelTableText(draftChannelTable([entry.source])) === text) agreeing++;
    else others.set(entry.source.channelCount, (others.get(entry.source.channelCount) ?? 0) + 1);
  }
  return {
    draft,
    images,
    read: read.length - unread.length,
    agreeing,
    others: [...others].sort(([a], [b]) => a - b).map(([channelCount, n]) => ({ channelCount, images: n })),
    unread,
  };
}
