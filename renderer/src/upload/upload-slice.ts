/**
 * "Build upload…": the form (target, upload folder), the review the backend answers, and the one
 * build it started, followed through its `upload-*` events. The upload is put in place only once
 * it is built whole, so the dialog stays with the build until it ends: built, cancelled (the
 * upload folder as it was) or failed.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiEvent, UploadAsked, UploadOutcome, UploadProgress, UploadReview } from '../../../shared/api';
import { SUBMISSION_FORMATS } from '../../../shared/submission';
import type { AppState } from '../store';

/** A build's event, as backend-events.ts routes it here. */
export type UploadEvent = Extract<ApiEvent, { type: 'upload-progress' | 'upload-done' | 'upload-failed' }>;

/** The build this window started, from the request to its outcome. */
export interface UploadJob {
  /** Null until the backend has answered the request. */
  jobId: string | null;
  progress: UploadProgress | null;
  cancelling: boolean;
  outcome: UploadOutcome | null;
  /** Why it could not be built (a disk error, a refusal found late). */
  failure: string | null;
}

/** The dialog open: what was asked last, its review (null while it is read or before), the build. */
export interface UploadView {
  asked: UploadAsked | null;
  review: UploadReview | null;
  /** Why the review could not be made: the upload cannot be built as asked. */
  failure: string | null;
  job: UploadJob | null;
}

/** Whether a build has ended. */
export const uploadEnded = (job: UploadJob): boolean => job.outcome !== null || job.failure !== null;

/** The build's state and actions. */
export interface UploadSlice {
  uploadDialog: UploadView | null;
  /** What was asked last in this session (the form opens on it). */
  uploadAsked: UploadAsked | null;
  openUpload(): void;
  /** Hides the dialog, unless a build is under way (it ends first: Cancel stops it). */
  closeUpload(): void;
  /** Back from a review (or a refusal) to the form. */
  editUpload(): void;
  /** Asks the backend what building `asked` would do. */
  reviewUpload(asked: UploadAsked): Promise<void>;
  /** Builds what was reviewed. */
  startUpload(): Promise<void>;
  cancelUpload(): Promise<void>;
  /** Shows the built upload in the file manager (Electron). */
  showUpload(): Promise<void>;
  /** Takes in one of the build's events (events of other jobs are ignored). */
  handleUploadEvent(event: UploadEvent): void;
}

/** The first target offered. */
export const FIRST_TARGET: string = SUBMISSION_FORMATS[0];

/** Creates the upload slice. */
export const createUploadSlice: StateCreator<AppState, [], [], UploadSlice> = (set, get) => {
  const view = (change: Partial<UploadView>): void => {
    const shown = get().uploadDialog;
    if (shown !== null) set({ uploadDialog: { ...shown, ...change } });
  };
  const sendCancel = async (jobId: string): Promise<void> => {
    const result = await get().client.cancelUpload({ jobId });
    if (!result.ok) get().notify('error', `The build could not be cancelled: ${result.error.message}`);
  };
  /**
   * Applies `change` to the job when `jobId` is its own (or the job has not learnt its id yet);
   * a cancel asked before the id was known is sent once it is.
   */
  const update = (jobId: string, change: Partial<UploadJob>): void => {
    const job = get().uploadDialog?.job ?? null;
    if (job === null || (job.jobId !== null && job.jobId !== jobId) || uploadEnded(job)) return;
    view({ job: { ...job, jobId, ...change } });
    if (job.jobId === null && job.cancelling) void sendCancel(jobId);
  };
  return {
    uploadDialog: null,
    uploadAsked: null,

    openUpload: () => {
      const shown = get().uploadDialog;
      if (shown?.job != null && !uploadEnded(shown.job)) return;
      set({ uploadDialog: { asked: null, review: null, failure: null, job: null } });
    },

    closeUpload: () => {
      const job = get().uploadDialog?.job ?? null;
      if (job !== null && !uploadEnded(job)) return;
      set({ uploadDialog: null });
    },

    editUpload: () => view({ asked: null, review: null, failure: null, job: null }),

    reviewUpload: async (asked) => {
      set({ uploadAsked: asked });
      view({ asked, review: null, failure: null, job: null });
      const result = await get().client.reviewUpload(asked);
      // the form may have been left (or asked again) while the backend read the folder
      if (get().uploadDialog?.asked !== asked) return;
      view(result.ok ? { review: result.payload } : { failure: result.error.message });
    },

    startUpload: async () => {
      const review = get().uploadDialog?.review ?? null;
      if (review === null) return;
      view({ job: { jobId: null, progress: null, cancelling: false, outcome: null, failure: null } });
      const result = await get().client.startUpload({ reviewId: review.reviewId });
      const job = get().uploadDialog?.job ?? null;
      // an event of the job may have come before the answer, and told its id already
      if (job === null || job.jobId !== null) return;
      if (!result.ok) view({ job: { ...job, failure: result.error.message } });
      else update(result.payload.jobId, {});
    },

    cancelUpload: async () => {
      const job = get().uploadDialog?.job ?? null;
      if (job === null || job.cancelling || uploadEnded(job)) return;
      view({ job: { ...job, cancelling: true } });
      // before the backend has answered the start, the cancel waits for the job's id
      if (job.jobId !== null) await sendCancel(job.jobId);
    },

    showUpload: async () => {
      const jobId = get().uploadDialog?.job?.jobId ?? null;
      if (jobId === null) return;
      const result = await get().client.showUpload({ jobId });
      if (!result.ok) get().notify('error', result.error.message);
    },

    handleUploadEvent: (event) => {
      switch (event.type) {
        case 'upload-progress':
          update(event.jobId, { progress: { done: event.done, total: event.total, current: event.current } });
          break;
        case 'upload-done':
          update(event.jobId, { outcome: event.outcome });
          break;
        case 'upload-failed':
          update(event.jobId, { failure: event.error.message });
          break;
      }
    },
  };
};
