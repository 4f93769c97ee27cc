/**
 * What "Build upload…" says in words: where an upload goes by default, what the review's steps
 * come to, whether the disk has room, and how far a build is.
 */
import type { UploadProgress, UploadReview, UploadStep } from '../../../shared/api';
import { formatBytes, formatCount, plural } from '../lib/format';

/** The steps' actions in the order the review lists them, each with how it is told. */
const ACTIONS: readonly (readonly [UploadStep['action'], (n: number) => string])[] = [
  ['link', (n) => `${plural(n, 'file')} linked`],
  ['copy', (n) => `${plural(n, 'file')} copied and read back`],
  ['convert', (n) => `${plural(n, 'image')} converted to OME-TIFF`],
  ['write', (n) => `${plural(n, 'file')} written`],
  ['folder', (n) => `${plural(n, 'empty folder')} kept`],
];

/** The upload folder offered first: `<folder>-upload` beside the open folder (either separator). */
export function defaultUploadFolder(root: string): string {
  const trimmed = root.replace(/[\\/]+$/, '');
  return `${trimmed}-upload`;
}

/** `2 files linked, 2 images converted to OME-TIFF, 4 files written`: the steps counted by action. */
export function stepsText(steps: readonly UploadStep[]): string {
  return ACTIONS.map(([action, text]) => [steps.filter((step) => step.action === action).length, text] as const)
    .filter(([n]) => n > 0)
    .map(([n, text]) => text(n))
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

/** `3 items to do (1 required)`, or that nothing is left. */
export function todoSummary(todo: readonly { required: boolean }[]): string {
  if (todo.length === 0) return 'Nothing left to do.';
  const required = todo.filter((item) => item.required).length;
  return `${plural(todo.length, 'item')} to do (${formatCount(required)} required).`;
}
