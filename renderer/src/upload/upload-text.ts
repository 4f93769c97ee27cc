/**
 * What "Build upload…" says in words: what the review's steps and a build come to (counted
 * alike, so the review and the end agree), whether the disk has room, and how far a build is.
 */
import type { UploadProgress, UploadReview, UploadStep } from '../../../shared/api';
import { formatBytes, plural } from '../lib/format';

/** How many steps of each action a build has (`convert`: the images converted), and how many OME-TIFF copies it writes (a CZI's scenes each get one). */
export type UploadCounts = Readonly<Record<UploadStep['action'], number>> & { readonly copies?: number };

/** The actions in the order both screens tell them, each with how it is told (`copies` once known). */
const ACTIONS: readonly (readonly [UploadStep['action'], (n: number, copies?: number) => string])[] = [
  ['link', (n) => `${plural(n, 'file')} linked`],
  ['copy', (n) => `${plural(n, 'file')} copied and read back`],
  [
    'convert',
    (n, copies) =>
      `${plural(n, 'image')} converted to ${copies === undefined || copies === n ? 'OME-TIFF' : plural(copies, 'OME-TIFF copy', 'OME-TIFF copies')}`,
  ],
  ['write', (n) => `${plural(n, 'metadata file')} written`],
  ['folder', (n) => `${plural(n, 'empty folder')} kept`],
];

/** The steps counted by action; a convert step is one OME-TIFF copy, and the images are the sources they come from. */
export function stepCounts(steps: readonly UploadStep[]): UploadCounts {
  const count = (action: UploadStep['action']) => steps.filter((step) => step.action === action).length;
  const converted = steps.filter((step) => step.action === 'convert');
  return {
    link: count('link'),
    copy: count('copy'),
    convert: new Set(converted.map((step) => step.source)).size,
    write: count('write'),
    folder: count('folder'),
    copies: converted.length,
  };
}

/**
 * What a build of the reviewed `steps` did: the files it linked and copied (a link falls back
 * to a copy across disks) and the OME-TIFF copies it wrote, the rest as reviewed.
 */
export function builtCounts(
  steps: readonly UploadStep[],
  outcome: { linked: number; copied: number; converted: number },
): UploadCounts {
  return { ...stepCounts(steps), link: outcome.linked, copy: outcome.copied, copies: outcome.converted };
}

/** `4 files linked, 2 images converted to 6 OME-TIFF copies, 11 metadata files written`: the counts in words, none that is zero. */
export function countsText(counts: UploadCounts): string {
  return ACTIONS.filter(([action]) => counts[action] > 0)
    .map(([action, text]) => text(counts[action], counts.copies))
    .join(', ');
}

/** Whether the disk where the upload goes is known to have less free space than the build needs. */
export function tooLittleSpace(review: UploadReview): boolean {
  return review.free !== null && review.free < review.needed;
}

/** `Needs about 12 MiB (copies and OME-TIFF copies); 40 GiB free there.` */
export function spaceText(review: UploadReview): string {
  const needs =
    review.needed === 0 ? 'Takes next to no space (the files are linked)' : `Needs about ${formatBytes(review.needed)}`;
  const free =
    review.free === null ? 'the disk does not say how much is free' : `${formatBytes(review.free)} free there`;
  return `${needs}; ${free}.`;
}

/** `1.2 MiB of 3.4 MiB`, or where the build is before its first byte. */
export function progressText(progress: UploadProgress | null): string {
  if (progress === null) return 'Starting the build…';
  if (progress.done >= progress.total) return 'Checking the upload and putting it in place…';
  return `${formatBytes(progress.done)} of ${formatBytes(progress.total)}`;
}
