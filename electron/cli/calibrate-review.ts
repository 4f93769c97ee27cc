/**
 * The review of `acqmeta calibrate` made while the images' interrupted header writes are looked
 * for and finished or reverted: both read the same files one call after another, so done one
 * after the other their waits add up. An image a recovery changed is reviewed again after it.
 */
import type { ImageEntry } from '../services/folder';
import type { ReviewedImage } from '../services/calibrate';

/**
 * `review` of `entries` made while `recover` runs; the images `recover` changed (the absolute
 * paths it resolves to) reviewed again once it is done, so that no plan is of a file as it was
 * before its recovery. Resolves to the reviews in the order of `entries`.
 */
export async function reviewWhileRecovering(
  entries: readonly ImageEntry[],
  review: (entries: readonly ImageEntry[]) => Promise<ReviewedImage[]>,
  recover: () => Promise<ReadonlySet<string>>,
): Promise<ReviewedImage[]> {
  const reviewing = review(entries);
  reviewing.catch(() => undefined); // awaited once the recovery is done; a failure there comes first
  const recovered = await recover();
  const reviewed = await reviewing;
  if (recovered.size === 0) return reviewed;
  const again = await review(entries.filter((entry) => recovered.has(entry.absPath)));
  const byPath = new Map(again.map((image) => [image.entry.absPath, image]));
  return reviewed.map((image) => byPath.get(image.entry.absPath) ?? image);
}
