/**
 * "Write calibration into image files…": the review of the selected images' headers (old → new,
 * the images refused) for their sidecars' pixel size and the z step, interval and channel names
 * typed (read again when those change), then the one job it started, followed through its `calibrate-*` events,
 * and a header write undone from the History section. Nothing is written until the review is
 * confirmed; the dialog stays with a running job until it ends (Cancel stops it between files).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiEvent, CalibrationProgress, CalibrationSummary, ImageReview } from '../../../shared/api';
import type { HeaderWriteRecord } from '../../../shared/journal';
import type { AppState } from '../store';
import { convertPaths } from '../convert';
import { NO_EXTRAS, readExtras, sameExtras, type CalibrateExtras } from './calibrate-extras';

/** A calibration job's event, as backend-events.ts routes it here. */
export type CalibrateEvent = Extract<ApiEvent, { type: 'calibrate-progress' | 'calibrate-done' | 'calibrate-failed' }>;

/** The review while it is read, once read, or why it could not be. */
export type CalibrateReview =
  | { status: 'loading' }
  | { status: 'ready'; reviewId: string; images: readonly ImageReview[] }
  | { status: 'failed'; error: string };

/** The writes this window started, from the request to their summary. */
export interface CalibrateJob {
  /** Null until the backend has answered the request. */
  jobId: string | null;
  /** How many images the review holds (the refused ones too: each is looked at again). */
  images: number;
  progress: CalibrationProgress | null;
  cancelling: boolean;
  summary: CalibrationSummary | null;
  /** Why the job could not start or go on. */
  failure: string | null;
}

/** The dialog: the images it is about, what to write beside the pixel size, their review, and the job once started. */
export interface CalibrateDialog {
  paths: readonly string[];
  /** The z step, interval and channel names as typed now. */
  extras: CalibrateExtras;
  /** Those the review shown was read with: only that review may be written. */
  reviewed: CalibrateExtras;
  review: CalibrateReview;
  job: CalibrateJob | null;
}

/** Whether a job has ended (with a summary or a failure). */
export const calibrateEnded = (job: CalibrateJob): boolean => job.summary !== null || job.failure !== null;

/** Calibration in image files: state and actions. */
export interface CalibrateSlice {
  calibrateDialog: CalibrateDialog | null;
  /** Counts the header writes and undos of this window: the History section reads the journal again when it grows. */
  headerWrites: number;
  /** Opens the dialog on `paths` (default: the selected images in table order, else every image) and reads their review. */
  openCalibrate(paths?: readonly string[]): Promise<void>;
  /** Takes in what is typed in the z step, interval and channel names fields. */
  setCalibrateExtras(change: Partial<CalibrateExtras>): void;
  /** Reads the review again with the values typed (when each can be read). */
  reviewCalibrateAgain(): Promise<void>;
  /** Hides the dialog, unless a job is under way (it ends first: Cancel stops it). */
  closeCalibrate(): void;
  /** Asks the backend to write the review shown. */
  startCalibration(): Promise<void>;
  /** Asks the backend to stop between files; the summary says what was written. */
  cancelCalibration(): Promise<void>;
  /** Takes in one of the job's events (events of other jobs are ignored). */
  handleCalibrateEvent(event: CalibrateEvent): void;
  /** Undoes a header write byte for byte (the backend's `acqmeta restore --undo`), with a notice. */
  undoHeaderWrite(record: HeaderWriteRecord): Promise<void>;
}

/** Creates the calibrate slice. */
export const createCalibrateSlice: StateCreator<AppState, [], [], CalibrateSlice> = (set, get) => {
  /** Applies `change` to the job when `jobId` is its own (or the job has not learnt its id yet). */
  const update = (jobId: string, change: (job: CalibrateJob) => Partial<CalibrateJob>): void => {
    const dialog = get().calibrateDialog;
    const job = dialog?.job ?? null;
    if (dialog === null || job === null || (job.jobId !== null && job.jobId !== jobId) || calibrateEnded(job)) return;
    set({ calibrateDialog: { ...dialog, job: { ...job, jobId, ...change(job) } } });
  };
  /** Shows `dialog` (its review loading) and reads the review of its images with the values it was asked with. */
  const review = async (dialog: CalibrateDialog): Promise<void> => {
    set({ calibrateDialog: dialog });
    const read = readExtras(dialog.reviewed);
    const asked = read.ok ? read.asked : {};
    const result = await get().client.reviewCalibration({ paths: [...dialog.paths], ...asked });
    if (get().calibrateDialog !== dialog) return;
    const shown: CalibrateReview = result.ok
      ? { status: 'ready', ...result.payload }
      : { status: 'failed', error: result.error.message };
    set({ calibrateDialog: { ...dialog, review: shown } });
  };
  return {
    calibrateDialog: null,
    headerWrites: 0,

    openCalibrate: async (given) => {
      const paths = given === undefined ? convertPaths(get()) : [...given];
      await review({ paths, extras: NO_EXTRAS, reviewed: NO_EXTRAS, review: { status: 'loading' }, job: null });
    },

    setCalibrateExtras: (change) => {
      const dialog = get().calibrateDialog;
      if (dialog === null || dialog.job !== null) return;
      set({ calibrateDialog: { ...dialog, extras: { ...dialog.extras, ...change } } });
    },

    reviewCalibrateAgain: async () => {
      const dialog = get().calibrateDialog;
      if (dialog === null || dialog.job !== null || !readExtras(dialog.extras).ok) return;
      await review({ ...dialog, reviewed: dialog.extras, review: { status: 'loading' } });
    },

    closeCalibrate: () => {
      const job = get().calibrateDialog?.job ?? null;
      if (job === null || calibrateEnded(job)) set({ calibrateDialog: null });
    },

    startCalibration: async () => {
      const dialog = get().calibrateDialog;
      if (dialog === null || dialog.review.status !== 'ready' || dialog.job !== null) return;
      if (!sameExtras(dialog.extras, dialog.reviewed)) return;
      const job: CalibrateJob = {
        jobId: null,
        images: dialog.review.images.length,
        progress: null,
        cancelling: false,
        summary: null,
        failure: null,
      };
      set({ calibrateDialog: { ...dialog, job } });
      const result = await get().client.startCalibration({ reviewId: dialog.review.reviewId });
      const now = get().calibrateDialog;
      if (now?.job == null || calibrateEnded(now.job)) return;
      set({
        calibrateDialog: {
          ...now,
          job: result.ok ? { ...now.job, jobId: result.payload.jobId } : { ...now.job, failure: result.error.message },
        },
      });
    },

    cancelCalibration: async () => {
      const dialog = get().calibrateDialog;
      const job = dialog?.job ?? null;
      if (dialog === null || job === null || job.jobId === null || calibrateEnded(job)) return;
      set({ calibrateDialog: { ...dialog, job: { ...job, cancelling: true } } });
      const result = await get().client.cancelCalibration({ jobId: job.jobId });
      if (!result.ok) get().notify('error', `The writes could not be cancelled: ${result.error.message}`);
    },

    handleCalibrateEvent: (event) => {
      switch (event.type) {
        case 'calibrate-progress':
          update(event.jobId, () => ({ progress: { done: event.done, total: event.total, current: event.current } }));
          break;
        case 'calibrate-done':
          update(event.jobId, () => ({ summary: event.summary }));
          set({ headerWrites: get().headerWrites + 1 });
          break;
        case 'calibrate-failed':
          update(event.jobId, () => ({ failure: event.error.message }));
          set({ headerWrites: get().headerWrites + 1 });
          break;
      }
    },

    undoHeaderWrite: async (record) => {
      const result = await get().client.undoHeaderWrite({ id: record.id });
      set({ headerWrites: get().headerWrites + 1 });
      if (result.ok)
        get().notify('success', `The header of ${result.payload.path} is back as it was before “${record.action}”.`);
      else get().notify('error', `The header was not put back: ${result.error.message}`);
    },
  };
};
