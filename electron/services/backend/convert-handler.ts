/**
 * Conversion methods: startConvert (archival OME-TIFF copies of images of the open folder, run
 * in the background) and cancelConvert. The images are confined to the open folder like every
 * request's paths; the output folder too when given relative, and in browser mode to the
 * folders the server may open. Progress comes as `convert-progress` events, at most ten a
 * second, and the end as `convert-done` (the summary) or `convert-failed`.
 */
import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers, ConvertProgress } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { CONVERTER, convertImages } from '../convert';
import { isInside, toBackendError } from '../disk';
import { resolveImage, type OpenFolder } from '../folder';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { realAllowedRoots } from './folder-handlers';
import { throttledProgress } from './progress-throttle';
import { journalsOf } from './save-handler';

type ConvertHandlers = Pick<ApiHandlers, 'startConvert' | 'cancelConvert'>;

/** The real path of `folder`, or of the nearest folder above it that exists, with the part below it. */
async function realOfNearest(folder: string): Promise<string> {
  const real = await realpath(folder).catch(() => null);
  if (real !== null) return real;
  const parent = path.dirname(folder);
  if (parent === folder) return folder;
  return path.join(await realOfNearest(parent), path.basename(folder));
}

/**
 * Where a request writes (an output folder, a collection), absolute: a relative one must stay
 * inside the open folder (links resolved), and in browser mode any must lie inside the folders
 * the server may open.
 */
export async function outputPathOf(context: BackendContext, folder: OpenFolder, given: string): Promise<string> {
  if (given.includes('\0')) throw new ApiFailure('BAD_REQUEST', 'The output folder is not a path.');
  const absolute = path.resolve(folder.root, given);
  const real = await realOfNearest(absolute);
  if (!path.isAbsolute(given) && !isInside(folder.realRoot, real))
    throw new ApiFailure('OUTSIDE_FOLDER', `${given} leads outside the open folder.`);
  const allowed = await realAllowedRoots(context);
  if (allowed !== undefined && !allowed.some((root) => isInside(root, real)))
    throw new ApiFailure('OUTSIDE_FOLDER', `${given} is outside the folders this server may open.`);
  return absolute;
}

/** Handlers of the conversion methods. */
export function convertHandlers(context: BackendContext): ConvertHandlers {
  const jobs = new Map<string, AbortController>();
  return {
    async startConvert(request) {
      const folder = requireFolder(context);
      const realFolders = new Map<string, Promise<string>>();
      const entries = await Promise.all(request.paths.map((p) => resolveImage(folder, p, realFolders)));
      const outputFolder = await outputPathOf(context, folder, request.outputFolder);
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const progress = throttledProgress<ConvertProgress>((step) =>
        context.emit({ type: 'convert-progress', jobId, ...step }),
      );
      void convertImages({
        sources: entries.map((entry) => ({ relPath: entry.relPath, absPath: entry.absPath })),
        outputFolder,
        options: request.options,
        converter: CONVERTER,
        profiles: profileFinder(context, folder),
        journal: { places: journalsOf(context, folder), tool: 'AcqMeta' },
        signal: controller.signal,
        onProgress: progress.note,
      }).then(
        (summary) => {
          jobs.delete(jobId);
          progress.flush();
          context.emit({ type: 'convert-done', jobId, summary });
        },
        (error: unknown) => {
          jobs.delete(jobId);
          context.emit({ type: 'convert-failed', jobId, error: toBackendError(error) });
        },
      );
      return { jobId };
    },
    async cancelConvert({ jobId }) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
