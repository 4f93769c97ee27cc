/**
 * A channel table drafted from the image headers under a folder: the channel layout most of
 * its images share, read from at most {@link DRAFT_IMAGES} of them.
 */
import { draftChannelTable, type ChannelSource } from '../../../shared/channels/channel-draft';
import type { ChannelTable } from '../../../shared/channels/channel-table';
import { readsFileHeader } from '../../../shared/image-format';
import { listImages } from '../folder';
import { mapInOrder, scanImage } from '../rows';
import type { TiffScanner } from '../tiff';

/** Most images whose headers a draft reads (the rest are counted). */
export const DRAFT_IMAGES = 2_000;

/** One image read for a draft: its channels, or why its header could not be read. */
export type DraftRead = { absPath: string } & ({ source: ChannelSource } | { message: string });

/** A folder's draft, how many images there are, and each image read for it, in listing order. */
export interface FolderDraft {
  draft: ChannelTable;
  images: number;
  read: DraftRead[];
}

/** The draft for the images under `absDir`. */
export async function draftForFolder(absDir: string, scanner: TiffScanner): Promise<FolderDraft> {
  let images = 0;
  const toRead: string[] = [];
  for await (const entry of listImages(absDir)) {
    images++;
    if (toRead.length < DRAFT_IMAGES && readsFileHeader(entry.format)) toRead.push(entry.absPath);
  }
  const read: DraftRead[] = [];
  const readOne = async (absPath: string): Promise<DraftRead> => {
    const scan = await scanImage(scanner, absPath);
    if (!scan.ok) return { absPath, message: scan.message };
    return {
      absPath,
      source: { channelCount: Number(scan.info.header.num_channels), acquisition: scan.info.acquisition },
    };
  };
  for await (const entry of mapInOrder(toRead, 8, readOne)) read.push(entry);
  const sources = read.flatMap((entry) => ('source' in entry ? [entry.source] : []));
  return { draft: draftChannelTable(sources), images, read };
}
