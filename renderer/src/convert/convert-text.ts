/**
 * A conversion's progress and outcome in words, for the dialog and for the status bar: the status
 * bar is on the first screen, the dialog's code is fetched when it is first opened.
 */
import type { ConvertSummary } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import type { ConvertJob } from './convert-slice';

/** `12 of 40 planes written` (or where the job is before its first plane). */
export function progressText(job: ConvertJob): string {
  if (job.jobId === null) return 'Starting…';
  if (job.progress === null) return `Reading ${plural(job.images, 'image')}…`;
  return `${formatCount(job.progress.done)} of ${plural(job.progress.total, 'plane')} written`;
}

/** The headline: how many were written, and whether the job was cancelled. */
export function summaryHeadline(summary: ConvertSummary): string {
  const written = `${plural(summary.written.length, 'OME-TIFF file')} written`;
  const skipped = summary.refused.filter((r) => r.kind === 'exists').length;
  const refused = summary.refused.length - skipped;
  const rest = [skipped > 0 ? `${skipped} skipped` : null, refused > 0 ? `${refused} refused` : null].filter(Boolean);
  return `${summary.cancelled ? 'Cancelled: ' : ''}${[written, ...rest].join(', ')}.`;
}
