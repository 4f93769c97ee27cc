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
import { backslashProblem, CONVERTER, convertImages } from '../convert';
import { isInside, toBackendError } from '../disk';
import { resolveImage, type OpenFolder } from '../folder';
import { journalPlaces } from '../journal';
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

/** The folder of an image's row path (`a/b/x.czi` → `a/b`; '' for one at the top), where its copies go below the output folder. */
function folderOf(relPath: string): string {
  const folder = path.posix.dirname(relPath);
  return folder === '.' ? '' : folder;
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
      // the copies' sidecars are journaled in the open folder's journal when inside it, else in the output folder's
      const inside = isInside(folder.root, outputFolder);
      const backslash = inside ? backslashProblem(path.relative(folder.root, outputFolder)) : null;
      if (backslash !== null) throw new ApiFailure('BAD_REQUEST', `${request.outputFolder}: ${backslash}`);
      const places = inside
        ? journalsOf(context, folder)
        : journalPlaces({
            roots: [outputFolder],
            ...(context.options.configDir == null ? {} : { configDir: context.options.configDir }),
            onFallback: (root, dir) => context.emit({ type: 'journal-elsewhere', root, dir }),
          });
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const progress = throttledProgress<ConvertProgress>((step) =>
        context.emit({ type: 'convert-progress', jobId, ...step }),
      );
      void convertImages({
        sources: entries.map(({ relPath, absPath }) => ({ relPath, absPath, folder: folderOf(relPath) })),
        outputFolder,
        options: request.options,
        converter: CONVERTER,
        profiles: profileFinder(context, folder),
        journal: { places, tool: 'AcqMeta' },
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
