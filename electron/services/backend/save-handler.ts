/**
 * saveSidecars: each file is validated, conflict-checked and written on its own, many files
 * in flight; the folders written are synced once per request.
 */
import type { ApiHandlers, ImageRow, SaveOutcome, SaveRequest } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { validateChanges } from '../../../shared/validation';
import { composeRow, mapInOrder, scanImage, type ImageScan } from '../rows';
import { inWriteBatch, problemsAfterEdit, saveFieldChanges, type WriteBatch } from '../sidecar';
import { requireFolder, type BackendContext } from './backend-context';
import { checkSidecarInside, resolveImage, type OpenFolder, type RealFolders } from './confine';
import { toBackendError } from './backend-error';

/** Files saved at once: enough to keep the disk busy while each file's fsync is under way. */
const IN_FLIGHT = 64;

/** Handler of `saveSidecars`; saves of the same path run in request order. */
export function saveHandler(context: BackendContext): Pick<ApiHandlers, 'saveSidecars'> {
  return {
    async saveSidecars(request) {
      const folder = requireFolder(context);
      return context.live.whileSaving(() =>
        inWriteBatch(async (batch) => {
          const chains = new Map<string, Promise<unknown>>();
          const realFolders: RealFolders = new Map();
          const run = (save: SaveRequest): Promise<SaveOutcome> => {
            const previous = chains.get(save.path) ?? Promise.resolve();
            const outcome = previous.then(() => saveOne(context, folder, save, batch, realFolders)).catch((error: unknown) => failed(save, error));
            chains.set(save.path, outcome);
            return outcome;
          };
          const outcomes: SaveOutcome[] = [];
          for await (const outcome of mapInOrder(request.saves, IN_FLIGHT, run)) outcomes.push(outcome);
          return outcomes;
        }),
      );
    },
  };
}

function failed(save: SaveRequest, error: unknown): SaveOutcome {
  return { path: save.path, ok: false, error: { ...toBackendError(error), path: save.path } };
}

async function saveOne(
  context: BackendContext,
  folder: OpenFolder,
  save: SaveRequest,
  batch: WriteBatch,
  realFolders: RealFolders,
): Promise<SaveOutcome> {
  const entry = await resolveImage(folder, save.path, realFolders);
  await checkSidecarInside(folder, entry);
  const problems = validateChanges(save.changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join(' '), save.path);
  // The header is read while the sidecar is written: the new sidecar (if any) and the row need it.
  const scanning: Promise<ImageScan | null> = entry.kind === 'tiff' ? scanImage(context.scanner, entry.absPath) : Promise.resolve(null);
  let creation = {};
  if (entry.sidecar === 'none') {
    // A new sidecar carries the image's header, as CloudScope would write it.
    if (entry.kind !== 'tiff') throw new ApiFailure('NOT_FOUND', `${save.path} has no sidecar.`, save.path);
    const scan = (await scanning) as ImageScan;
    if (!scan.ok) throw new ApiFailure('UNREADABLE_IMAGE', scan.message, save.path);
    creation = { header: scan.info.header, fileCalibration: scan.info.fileCalibration };
  }
  const result = await saveFieldChanges(entry.absPath, save.changes, {
    expected: save.expected,
    overwrite: save.overwrite === true,
    batch,
    ...creation,
  });
  const version = result.version;
  if (version === null) throw new Error(`internal: ${save.path} has no sidecar after its save`);
  const stored = problemsAfterEdit(result.previous?.sha256 ?? null, result.sidecar, version.sha256);
  const read = { state: 'ok' as const, sidecar: result.sidecar, version, problems: stored };
  const row: ImageRow = composeRow(entry, await scanning, read);
  return { path: save.path, ok: true, row };
}
