/**
 * `acqmeta calibrate` reviews its images while their interrupted header writes are recovered
 * (issue 79's speed: the two waits overlap), and reviews again each image a recovery changed,
 * so that no write is planned from a file as it was before its recovery.
 */
import { expect, it } from 'vitest';
import { reviewWhileRecovering } from '../../../../electron/cli/calibrate-review';
import type { ReviewedImage } from '../../../../electron/services/calibrate';
import type { ImageEntry } from '../../../../electron/services/folder';

const entry = (name: string): ImageEntry => ({
  relPath: name,
  absPath: `/lab/${name}`,
  format: 'tiff',
  sidecar: 'file',
});
const entries = [entry('a.tif'), entry('b.tif'), entry('c.tif')];

/** A review of `image` as the disk held it at review number `round`. */
const reviewedAt = (image: ImageEntry, round: number): ReviewedImage => ({
  entry: image,
  wanted: null,
  planned: null,
  review: { path: image.relPath, kind: null, changes: [], refusal: `round ${round}` },
});

it('reviews while the recovery runs, and again the images it changed, in order', async () => {
  const events: string[] = [];
  let rounds = 0;
  const review = async (some: readonly ImageEntry[]) => {
    const round = ++rounds;
    events.push(`review ${round} of ${some.map((e) => e.relPath).join(' ')}`);
    await Promise.resolve();
    events.push(`reviewed ${round}`);
    return some.map((image) => reviewedAt(image, round));
  };
  const recover = async () => {
    events.push('recovery begun');
    await Promise.resolve();
    await Promise.resolve();
    events.push('recovery done');
    return new Set(['/lab/b.tif']);
  };
  const reviewed = await reviewWhileRecovering(entries, review, recover);
  expect(events.indexOf('review 1 of a.tif b.tif c.tif')).toBeLessThan(events.indexOf('recovery done'));
  expect(events.indexOf('review 2 of b.tif')).toBeGreaterThan(events.indexOf('recovery done'));
  expect(reviewed.map((r) => [r.entry.relPath, r.review.refusal])).toEqual([
    ['a.tif', 'round 1'],
    ['b.tif', 'round 2'],
    ['c.tif', 'round 1'],
  ]);
});

it('reviews once when the recovery changed nothing', async () => {
  let rounds = 0;
  const review = (some: readonly ImageEntry[]) => Promise.resolve(some.map((image) => reviewedAt(image, ++rounds)));
  const reviewed = await reviewWhileRecovering(entries, review, () => Promise.resolve(new Set<string>()));
  expect(rounds).toBe(3);
  expect(reviewed.map((r) => r.entry.relPath)).toEqual(['a.tif', 'b.tif', 'c.tif']);
});

it('fails as the recovery does, before a review is used', async () => {
  const review = (some: readonly ImageEntry[]) => Promise.resolve(some.map((image) => reviewedAt(image, 1)));
  await expect(
    reviewWhileRecovering(entries, review, () => Promise.reject(new Error('locked by another program'))),
  ).rejects.toThrow('locked by another program');
});
