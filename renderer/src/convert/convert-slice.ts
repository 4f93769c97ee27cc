/**
 * Archival OME-TIFF copies from the app: the dialog, and the one job it started, followed
 * through its `convert-*` events (the backend writes; the new files come back as rows through
 * the live folder). The job outlives the dialog: closed while it runs, the status bar shows it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiEvent, ConvertOptions, ConvertProgress, ConvertSummary } from '../../../shared/api';
import type { AppState } from '../store';

/** A conversion's event, as backend-events.ts routes it here. */
export type ConvertEvent = Extract<ApiEvent, { type: 'convert-progress' | 'convert-done' | 'convert-failed' }>;

/** The conversion this window started, from the request to its summary. */
export interface ConvertJob {
  /** Null until the backend has answered the request. */
  jobId: string | null;
  /** How many images were asked for. */
  images: number;
  /** The output folder as it was asked for (relative to the open folder, or absolute). */
  outputFolder: string;
  /** The latest progress; null before the first plane. */
  progress: ConvertProgress | null;
  /** Cancel was asked; the summary is still to come. */
  cancelling: boolean;
  /** What was written, skipped and refused, once the job has ended. */
  summary: ConvertSummary | null;
  /** Why the job could not start or go on (`convert-failed`), once it has. */
  failure: string | null;
}

/** Whether a job has ended (with a summary or a failure). */
export const convertEnded = (job: ConvertJob): boolean => job.summary !== null || job.failure !== null;

/** The images a conversion takes: the selected ones in table order, else every image of the folder. */
export function convertPaths(s: Pick<AppState, 'rowOrder' | 'selected'>): string[] {
  return s.selected.size === 0 ? [...s.rowOrder] : s.rowOrder.filter((path) => s.selected.has(path));
}

/** What the form asks: where the copies go and how they are written. */
export interface ConvertChoices {
  outputFolder: string;
  options: ConvertOptions;
}

/** The form's first choices: `ome-tiff` inside the open folder, zlib, tiled and pyramidal, `.ome.tiff`, no replacing. */
const DEFAULT_CHOICES: ConvertChoices = {
  outputFolder: 'ome-tiff',
  options: { compression: 'zlib', flat: false, extension: '.ome.tiff', force: false },
};

/** The archival copy's state and actions. */
export interface ConvertSlice {
  convertDialogOpen: boolean;
  convertJob: ConvertJob | null;
  /** The choices of the last job started in this session (the form opens on them). */
  convertChoices: ConvertChoices;
  /** Shows the dialog: the job under way or its summary, else the form. */
  openConvertDialog(): void;
  /** Hides the dialog; a job still running goes on, an ended one is forgotten. */
  closeConvertDialog(): void;
  /** Back from an ended job's summary to the form, on the same choices. */
  convertAgain(): void;
  /** Asks the backend to write copies of {@link convertPaths} into `outputFolder`. */
  startConvert(outputFolder: string, options: ConvertOptions): Promise<void>;
  /** Asks the backend to stop the job; its summary says what was written. */
  cancelConvert(): Promise<void>;
  /** Takes in one of the job's events (events of other jobs are ignored). */
  handleConvertEvent(event: ConvertEvent): void;
}

/** Creates the convert slice. */
export const createConvertSlice: StateCreator<AppState, [], [], ConvertSlice> = (set, get) => {
  /** Applies `change` to the job when `jobId` is its own (or the job has not learnt its id yet). */
  const update = (jobId: string, change: (job: ConvertJob) => Partial<ConvertJob>): void => {
    const job = get().convertJob;
    if (job === null || (job.jobId !== null && job.jobId !== jobId) || convertEnded(job)) return;
    set({ convertJob: { ...job, jobId, ...change(job) } });
  };
  return {
    convertDialogOpen: false,
    convertJob: null,
    convertChoices: DEFAULT_CHOICES,

    openConvertDialog: () => set({ convertDialogOpen: true }),

    closeConvertDialog: () => {
      const job = get().convertJob;
      set({ convertDialogOpen: false, ...(job !== null && convertEnded(job) ? { convertJob: null } : {}) });
    },

    convertAgain: () => {
      const job = get().convertJob;
      if (job !== null && convertEnded(job)) set({ convertJob: null });
    },

    startConvert: async (outputFolder, options) => {
      const paths = convertPaths(get());
      const job: ConvertJob = {
        jobId: null,
        images: paths.length,
        outputFolder,
        progress: null,
        cancelling: false,
        summary: null,
        failure: null,
      };
      set({ convertJob: job, convertChoices: { outputFolder, options } });
      const result = await get().client.startConvert({ paths, outputFolder, options });
      const now = get().convertJob;
      if (now === null || (now.jobId !== null && result.ok && now.jobId !== result.payload.jobId)) return;
      set({
        convertJob: result.ok ? { ...now, jobId: result.payload.jobId } : { ...now, failure: result.error.message },
      });
    },

    cancelConvert: async () => {
      const job = get().convertJob;
      if (job === null || job.jobId === null || convertEnded(job)) return;
      set({ convertJob: { ...job, cancelling: true } });
      const result = await get().client.cancelConvert({ jobId: job.jobId });
      if (!result.ok) get().notify('error', `The conversion could not be cancelled: ${result.error.message}`);
    },

    handleConvertEvent: (event) => {
      switch (event.type) {
        case 'convert-progress':
          update(event.jobId, () => ({
            progress: { done: event.done, total: event.total, current: event.current },
          }));
          break;
        case 'convert-done':
          update(event.jobId, () => ({ summary: event.summary }));
          break;
        case 'convert-failed':
          update(event.jobId, () => ({ failure: event.error.message }));
          break;
      }
    },
  };
};
