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

/** The draft for the images under `absDir`, and how many images there are. */
export async function draftForFolder(
  absDir: string,
  scanner: TiffScanner,
): Promise<{ draft: ChannelTable; images: number }> {
  let images = 0;
  const read: string[] = [];
  for await (const entry of listImages(absDir)) {
    images++;
    if (read.length < DRAFT_IMAGES && readsFileHeader(entry.format)) read.push(entry.absPath);
  }
  const sources: ChannelSource[] = [];
  for await (const scan of mapInOrder(read, 8, (absPath) => scanImage(scanner, absPath)))
    if (scan.ok)
      sources.push({ channelCount: Number(scan.info.header.num_channels), acquisition: scan.info.acquisition });
  return { draft: draftChannelTable(sources), images };
}
