/**
 * A CloudScope collection from the app: the dialog and the one export it started, followed
 * through its `collection-export-*` events. The collection is put in place only once it is
 * written whole, so the dialog stays with it until it ends: written (those images that could
 * be), refused (nothing written), cancelled or failed.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiEvent, CollectionExportOutcome, CollectionExportProgress } from '../../../shared/api';
import type { AppState } from '../store';
import { convertPaths } from '../convert';

/** An export's event, as backend-events.ts routes it here. */
export type CollectionExportEvent = Extract<
  ApiEvent,
  { type: 'collection-export-progress' | 'collection-export-done' | 'collection-export-failed' }
>;

/** The export this window started, from the request to its outcome. */
export interface CollectionExportJob {
  /** Null until the backend has answered the request. */
  jobId: string | null;
  /** How many images were asked for. */
  images: number;
  /** The destination as it was asked for. */
  destination: string;
  progress: CollectionExportProgress | null;
  cancelling: boolean;
  outcome: CollectionExportOutcome | null;
  /** Why it could not be made at all (a destination refused, a disk error). */
  failure: string | null;
}

/** Whether an export has ended. */
export const collectionExportEnded = (job: CollectionExportJob): boolean =>
  job.outcome !== null || job.failure !== null;

/**
 * The collection a folder's export goes to by default, `<folder>.ome.zarr`: beside the folder
 * in the desktop app; inside it in browser mode, where the server may write only there.
 */
export function defaultDestination(root: string, door: 'electron' | 'browser'): string {
  const trimmed = root.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  const name = `${trimmed.slice(cut + 1) || 'collection'}.ome.zarr`;
  return door === 'electron' ? `${trimmed.slice(0, cut + 1)}${name}` : name;
}

/** The collection export's state and actions. */
export interface CollectionExportSlice {
  collectionExportOpen: boolean;
  collectionExportJob: CollectionExportJob | null;
  /** The destination of the last export started in this session (the form opens on it). */
  collectionDestination: string | null;
  openCollectionExport(): void;
  /** Hides the dialog, unless an export is under way (it ends first: Cancel stops it). */
  closeCollectionExport(): void;
  /** Asks the backend to export {@link convertPaths} (the selected images, else all) to `destination`. */
  startCollectionExport(destination: string, force: boolean): Promise<void>;
  cancelCollectionExport(): Promise<void>;
  /** Takes in one of the job's events (events of other jobs are ignored). */
  handleCollectionExportEvent(event: CollectionExportEvent): void;
}

/** Creates the collection export slice. */
export const createCollectionExportSlice: StateCreator<AppState, [], [], CollectionExportSlice> = (set, get) => {
  /** Asks the backend to stop job `jobId`; says so when it cannot. */
  const sendCancel = async (jobId: string): Promise<void> => {
    const result = await get().client.cancelCollectionExport({ jobId });
    if (!result.ok) get().notify('error', `The export could not be cancelled: ${result.error.message}`);
  };
  /**
   * Applies `change` to the job when `jobId` is its own (or the job has not learnt its id yet);
   * a cancel asked before the id was known is sent once it is.
   */
  const update = (jobId: string, change: Partial<CollectionExportJob>): void => {
    const job = get().collectionExportJob;
    if (job === null || (job.jobId !== null && job.jobId !== jobId) || collectionExportEnded(job)) return;
    set({ collectionExportJob: { ...job, jobId, ...change } });
    if (job.jobId === null && job.cancelling) void sendCancel(jobId);
  };
  return {
    collectionExportOpen: false,
    collectionExportJob: null,
    collectionDestination: null,

    openCollectionExport: () => {
      const job = get().collectionExportJob;
      set({
        collectionExportOpen: true,
        ...(job !== null && collectionExportEnded(job) ? { collectionExportJob: null } : {}),
      });
    },

    closeCollectionExport: () => {
      const job = get().collectionExportJob;
      if (job !== null && !collectionExportEnded(job)) return;
      set({ collectionExportOpen: false, collectionExportJob: null });
    },

    startCollectionExport: async (destination, force) => {
      const paths = convertPaths(get());
      const job: CollectionExportJob = {
        jobId: null,
        images: paths.length,
        destination,
        progress: null,
        cancelling: false,
        outcome: null,
        failure: null,
      };
      set({ collectionExportJob: job, collectionDestination: destination });
      const result = await get().client.startCollectionExport({ paths, destination, force });
      const now = get().collectionExportJob;
      // an event of the job may have come before the answer, and told its id already
      if (now === null || now.jobId !== null) return;
      if (!result.ok) set({ collectionExportJob: { ...now, failure: result.error.message } });
      else update(result.payload.jobId, {});
    },

    cancelCollectionExport: async () => {
      const job = get().collectionExportJob;
      if (job === null || job.cancelling || collectionExportEnded(job)) return;
      set({ collectionExportJob: { ...job, cancelling: true } });
      // before the backend has answered the start, the cancel waits for the job's id
      if (job.jobId !== null) await sendCancel(job.jobId);
    },

    handleCollectionExportEvent: (event) => {
      switch (event.type) {
        case 'collection-export-progress':
          update(event.jobId, { progress: { done: event.done, total: event.total, current: event.current } });
          break;
        case 'collection-export-done':
          update(event.jobId, { outcome: event.outcome });
          break;
        case 'collection-export-failed':
          update(event.jobId, { failure: event.error.message });
          break;
      }
    },
  };
};
