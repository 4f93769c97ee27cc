/**
 * Collection export methods: startCollectionExport (images of the open folder exported as one
 * acqstore collection, run in the background) and cancelCollectionExport. The images are
 * confined to the open folder like every request's paths, the destination as a conversion's
 * output folder is. Progress comes as `collection-export-progress` events, at most ten a second,
 * and the end as `collection-export-done` (written, the images left out named; refused; or
 * cancelled: nothing half written) or `collection-export-failed`.
 */
import { randomUUID } from 'node:crypto';
import { version } from '../../../package.json';
import type {
  ApiHandlers,
  CollectionExportOutcome,
  CollectionExportProgress,
  CollectionRefusal,
} from '../../../shared/api';
import { exportCollection, ExportRefused, isStorePath, type ImageNote } from '../collection';
import { toBackendError } from '../disk';
import { resolveImage } from '../folder';
import { requireFolder, type BackendContext } from './backend-context';
import { outputPathOf } from './convert-handler';
import { throttledProgress } from './progress-throttle';

type CollectionHandlers = Pick<ApiHandlers, 'startCollectionExport' | 'cancelCollectionExport'>;

const refusalOf = (refused: ImageNote): CollectionRefusal => ({
  path: refused.relPath,
  image: refused.image,
  reason: refused.text,
});

/** Handlers of the collection export methods. */
export function collectionHandlers(context: BackendContext): CollectionHandlers {
  const jobs = new Map<string, AbortController>();
  return {
    async startCollectionExport(request) {
      const folder = requireFolder(context);
      const leftOut = request.paths.filter(isStorePath);
      const realFolders = new Map<string, Promise<string>>();
      const entries = await Promise.all(
        request.paths.filter((p) => !isStorePath(p)).map((p) => resolveImage(folder, p, realFolders)),
      );
      const destination = await outputPathOf(context, folder, request.destination);
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const progress = throttledProgress<CollectionExportProgress>((step) =>
        context.emit({ type: 'collection-export-progress', jobId, ...step }),
      );
      const done = (outcome: CollectionExportOutcome): void => {
        jobs.delete(jobId);
        progress.flush();
        context.emit({ type: 'collection-export-done', jobId, outcome });
      };
      void exportCollection({
        sources: entries.map((entry) => ({ relPath: entry.relPath, absPath: entry.absPath })),
        name: folder.root.split(/[\\/]/).pop() ?? 'collection',
        destination,
        force: request.force,
        scanner: context.scanner,
        creator: { name: 'AcqMeta', version },
        signal: controller.signal,
        onImage: (step) => {
          progress.note(step);
          // the last image is told at once: the check and read-back that follow take a while
          if (step.done === step.total) progress.flush();
        },
      }).then(
        ({ refused, notes, ...summary }) =>
          done({
            kind: 'written',
            ...summary,
            leftOut,
            refusals: refused.map(refusalOf),
            notes: notes.map((n) => ({ path: n.relPath, image: n.image, note: n.text })),
          }),
        (error: unknown) => {
          if (controller.signal.aborted) done({ kind: 'cancelled' });
          else if (error instanceof ExportRefused) done({ kind: 'refused', refusals: error.refusals.map(refusalOf) });
          else {
            jobs.delete(jobId);
            context.emit({ type: 'collection-export-failed', jobId, error: toBackendError(error) });
          }
        },
      );
      return { jobId };
    },
    async cancelCollectionExport({ jobId }) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
