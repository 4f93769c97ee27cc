/**
 * Calibration in image files from the app: reviewCalibration (each image's header values old →
 * new for its sidecar's pixel size and the z step, interval and channel names asked, the images
 * refused; nothing written), startCalibration (the review written in the
 * background, one file after another, through the calibrate service as `acqmeta calibrate`
 * writes it) and cancelCalibration (between two files). The images are confined to the open
 * folder like every request's paths; a header write cut short earlier is finished or reverted
 * before the writes begin. Progress comes as `calibrate-progress` events, at most ten a second,
 * and the end as `calibrate-done` (the summary) or `calibrate-failed`.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers, CalibrationProgress } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { CalibrationRequest } from '../../../shared/tiff-calibration';
import { applyCalibration, reviewCalibration, type ReviewedImage } from '../calibrate';
import { toBackendError } from '../disk';
import { resolveImage, type OpenFolder } from '../folder';
import { journalWrites } from '../journal';
import { scanImage } from '../rows';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { recoverCutShort } from './cut-short-writes';
import { throttledProgress } from './progress-throttle';
import { journalsOf } from './save-handler';

type CalibrateHandlers = Pick<ApiHandlers, 'reviewCalibration' | 'startCalibration' | 'cancelCalibration'>;

/** What the History section calls a header write of the app. */
const ACTION = 'Write calibration into image files';

/** The latest review: only it may be written, so that what is written is what was shown. */
interface KeptReview {
  id: string;
  folder: OpenFolder;
  request: CalibrationRequest;
  reviewed: ReviewedImage[];
}

/** Handlers of the calibration methods. */
export function calibrateHandlers(context: BackendContext): CalibrateHandlers {
  const jobs = new Map<string, AbortController>();
  let kept: KeptReview | null = null;
  return {
    async reviewCalibration({ paths, zStep, interval, channels }) {
      const folder = requireFolder(context);
      const realFolders = new Map<string, Promise<string>>();
      const entries = await Promise.all(paths.map((p) => resolveImage(folder, p, realFolders)));
      const request: CalibrationRequest = {
        ...(zStep === undefined ? {} : { zStep }),
        ...(interval === undefined ? {} : { interval }),
        ...(channels === undefined ? {} : { channels }),
      };
      const reviewed = await reviewCalibration(entries, request);
      kept = { id: randomUUID(), folder, request, reviewed };
      return { reviewId: kept.id, images: reviewed.map((r) => r.review) };
    },
    async startCalibration({ reviewId }) {
      const folder = requireFolder(context);
      const review = kept;
      if (review === null || review.id !== reviewId || review.folder !== folder)
        throw new ApiFailure('CONFLICT', 'That review is no longer the latest: review the images again.');
      kept = null;
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const { reviewed } = review;
      const progress = throttledProgress<CalibrationProgress>((step) =>
        context.emit({ type: 'calibrate-progress', jobId, ...step }),
      );
      const places = journalsOf(context, folder);
      const batch = randomUUID();
      const profiles = profileFinder(context, folder);
      let done = 0;
      progress.note({ done, total: reviewed.length, current: (reviewed[0] as ReviewedImage).entry.relPath });
      const run = async () => {
        await recoverCutShort(
          context,
          folder,
          reviewed.map((r) => r.entry.relPath),
        );
        return applyCalibration(reviewed, review.request, {
          journal: { places, tool: 'AcqMeta', action: ACTION, batch },
          save: {
            header: (entry) => scanImage(context.scanner, entry.absPath),
            profiles,
            journal: journalWrites(places, { tool: 'AcqMeta', action: ACTION, batch }),
          },
          signal: controller.signal,
          onImage: (image) => {
            done += 1;
            const current = reviewed[done]?.entry.relPath ?? image.entry.relPath;
            progress.note({ done, total: reviewed.length, current });
          },
        });
      };
      void run().then(
        (outcomes) => {
          jobs.delete(jobId);
          progress.flush();
          const images = outcomes.map((outcome, i) => ({ path: (reviewed[i] as ReviewedImage).review.path, outcome }));
          const cancelled = images.some((image) => image.outcome.kind === 'cancelled');
          context.emit({ type: 'calibrate-done', jobId, summary: { images, cancelled } });
        },
        (error: unknown) => {
          jobs.delete(jobId);
          context.emit({ type: 'calibrate-failed', jobId, error: toBackendError(error) });
        },
      );
      return { jobId };
    },
    async cancelCalibration({ jobId }) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
