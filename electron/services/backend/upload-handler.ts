/**
 * "Build upload…" from the app: reviewUpload (the open folder's upload planned as `acqmeta
 * submission --dry-run` plans it, with each step, the to-do, the size and the free space;
 * nothing written), startUpload (the review built in the background through the upload service
 * the command line uses), cancelUpload (the build's staging folder removed: the upload folder
 * is as it was) and showUpload (the built upload in the file manager). The upload folder is
 * confined as a conversion's output folder is, but that browser mode also takes the default
 * upload folder of a folder it serves (`<served folder>-upload`, beside it). Progress comes as `upload-progress` events, at
 * most ten a second, and the end as `upload-done` (built, or cancelled) or `upload-failed`.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ApiHandlers, UploadProgress } from '../../../shared/api';
import { defaultUploadFolder } from '../../../shared/api-upload';
import { ApiFailure } from '../../../shared/errors';
import { isSubmissionFormat } from '../../../shared/submission';
import { toBackendError } from '../disk';
import type { OpenFolder } from '../folder';
import { buildUpload, planNotes, planUpload, reviewUpload, UploadRefused, type UploadPlan } from '../upload';
import { requireFolder, type BackendContext } from './backend-context';
import { outputPathOf } from './convert-handler';
import { throttledProgress } from './progress-throttle';

type UploadHandlers = Pick<ApiHandlers, 'reviewUpload' | 'startUpload' | 'cancelUpload' | 'showUpload'>;

/** The latest review: only it may be built, so that what is built is what was shown. */
interface KeptReview {
  id: string;
  folder: OpenFolder;
  plan: UploadPlan;
  upload: string;
  force: boolean;
}

/** A refusal as the API's INVALID_VALUE (its reasons in words), anything else as it is. */
function refusalOf(error: unknown): unknown {
  return error instanceof UploadRefused ? new ApiFailure('INVALID_VALUE', error.message) : error;
}

/**
 * Where the upload goes, absolute. Browser mode writes only inside the folders it serves, and
 * an upload goes outside the lab folder, so the served folder itself could have none there: the
 * upload beside a served folder, `<served folder>-upload`, is the one place outside them it
 * takes (the folder named exactly, so nothing else outside them is reached).
 */
async function uploadPathOf(context: BackendContext, folder: OpenFolder, given: string): Promise<string> {
  const beside = (context.options.allowedRoots ?? []).map((root) => defaultUploadFolder(path.resolve(root)));
  if (path.isAbsolute(given) && beside.includes(path.resolve(given))) return path.resolve(given);
  return outputPathOf(context, folder, given);
}

/** Handlers of the upload methods. */
export function uploadHandlers(context: BackendContext): UploadHandlers {
  const jobs = new Map<string, AbortController>();
  /** Each build's upload folder, for showUpload, once it is built. */
  const built = new Map<string, string>();
  let kept: KeptReview | null = null;
  return {
    async reviewUpload({ format, upload: given, force }) {
      const folder = requireFolder(context);
      if (!isSubmissionFormat(format)) throw new ApiFailure('INVALID_VALUE', `No upload can be built for "${format}".`);
      const upload = await uploadPathOf(context, folder, given);
      const plan = await planUpload(folder.root, format).catch((error: unknown) => {
        throw refusalOf(error);
      });
      const { replaces, steps, todo, refused, bytes, needed, free } = await reviewUpload(plan, upload, force).catch(
        (error: unknown) => {
          throw refusalOf(error);
        },
      );
      kept = { id: randomUUID(), folder, plan, upload, force };
      return {
        reviewId: kept.id,
        format,
        upload,
        replaces,
        steps,
        todo,
        notes: [...planNotes(plan), ...refused],
        bytes,
        needed,
        free,
      };
    },
    async startUpload({ reviewId }) {
      const folder = requireFolder(context);
      const review = kept;
      if (review === null || review.id !== reviewId || review.folder !== folder)
        throw new ApiFailure('CONFLICT', 'That review is no longer the latest: review the upload again.');
      kept = null;
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const progress = throttledProgress<UploadProgress>((step) =>
        context.emit({ type: 'upload-progress', jobId, ...step }),
      );
      const end = (): void => {
        jobs.delete(jobId);
        progress.flush();
      };
      void buildUpload({
        plan: review.plan,
        upload: review.upload,
        force: review.force,
        signal: controller.signal,
        onProgress: (step) => progress.note(step),
      }).then(
        (outcome) => {
          end();
          built.set(jobId, review.upload);
          context.emit({
            type: 'upload-done',
            jobId,
            outcome: { kind: 'built', upload: review.upload, ...outcome, todo: [...outcome.todo] },
          });
        },
        (error: unknown) => {
          end();
          if (controller.signal.aborted) context.emit({ type: 'upload-done', jobId, outcome: { kind: 'cancelled' } });
          else context.emit({ type: 'upload-failed', jobId, error: toBackendError(refusalOf(error)) });
        },
      );
      return { jobId };
    },
    async cancelUpload({ jobId }) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
    async showUpload({ jobId }) {
      const { showFolder } = context.options;
      if (showFolder === undefined)
        throw new ApiFailure('BAD_REQUEST', 'This window cannot open a file manager: the upload’s path is shown.');
      const upload = built.get(jobId);
      if (upload === undefined) throw new ApiFailure('NOT_FOUND', 'No upload was built by that job.');
      const problem = await showFolder(upload);
      if (problem !== '')
        throw new ApiFailure('IO', `The file manager could not open the upload folder ${upload}: ${problem}`);
      return { shown: true };
    },
  };
}
