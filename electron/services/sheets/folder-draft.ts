/**
 * A channel table drafted from the image headers under a folder: its images grouped by the
 * channels they record, and the largest group's table, read from at most {@link DRAFT_IMAGES} of them.
 */
import {
  channelGroups,
  draftChannelTable,
  type ChannelGroup,
  type ChannelSource,
} from '../../../shared/channels/channel-draft';
import type { ChannelTable } from '../../../shared/channels/channel-table';
import { readsFileHeader } from '../../../shared/image-format';
import { listImages, type ImageEntry } from '../folder';
import { mapInOrder, scanImage } from '../rows';
import type { TiffScanner } from '../tiff';

/** Most images whose headers a draft reads (the rest are counted). */
export const DRAFT_IMAGES = 2_000;

/** One image read for a draft: its channels (its `path` relative to the folder), or why its header could not be read. */
export type DraftRead = { absPath: string } & ({ source: ChannelSource } | { message: string });

/** A folder's draft, the groups of images read for it, how many images there are, and each image read, in listing order. */
export interface FolderDraft {
  draft: ChannelTable;
  groups: ChannelGroup[];
  images: number;
  read: DraftRead[];
}

/** The draft for the images under `absDir`. */
export async function draftForFolder(absDir: string, scanner: TiffScanner): Promise<FolderDraft> {
  let images = 0;
  const toRead: ImageEntry[] = [];
  for await (const entry of listImages(absDir)) {
    images++;
    if (toRead.length < DRAFT_IMAGES && readsFileHeader(entry.format)) toRead.push(entry);
  }
  const read: DraftRead[] = [];
  const readOne = async ({ absPath, relPath }: ImageEntry): Promise<DraftRead> => {
    const scan = await scanImage(scanner, absPath);
    if (!scan.ok) return { absPath, message: scan.message };
    const { header, acquisition } = scan.info;
    return { absPath, source: { path: relPath, channelCount: Number(header.num_channels), acquisition } };
  };
  for await (const entry of mapInOrder(toRead, 8, readOne)) read.push(entry);
  const groups = channelGroups(read.flatMap((entry) => ('source' in entry ? [entry.source] : [])));
  return { draft: draftChannelTable(groups), groups, images, read };
}
