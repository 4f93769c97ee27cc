/**
 * saveSidecars: each file is validated (formats, then the lab profile's refusals),
 * conflict-checked and written on its own.
 */
import type { ApiHandlers, SaveOutcome, SaveRequest } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { validateChanges } from '../../../shared/validation';
import { buildImageRow, composeRow, readEntrySidecar, scanImage, summarizeSidecar, type ImageScan } from '../rows/image-row';
import { profileRefusals } from '../profile';
import { saveFieldChanges } from '../sidecar';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { checkSidecarInside, resolveImage, type OpenFolder } from './confine';
import { toBackendError } from './backend-error';

/** Handler of `saveSidecars`; saves run one after another so two saves of one file cannot race. */
export function saveHandler(context: BackendContext): Pick<ApiHandlers, 'saveSidecars'> {
  return {
    async saveSidecars(request) {
      const folder = requireFolder(context);
      const outcomes: SaveOutcome[] = [];
      for (const save of request.saves) {
        try {
          outcomes.push(await saveOne(context, folder, save));
        } catch (error) {
          outcomes.push({ path: save.path, ok: false, error: { ...toBackendError(error), path: save.path } });
        }
      }
      return outcomes;
    },
  };
}

async function saveOne(context: BackendContext, folder: OpenFolder, save: SaveRequest): Promise<SaveOutcome> {
  const entry = await resolveImage(folder, save.path);
  await checkSidecarInside(folder, entry);
  const problems = validateChanges(save.changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join(' '), save.path);
  const profiles = profileFinder(context, folder);
  // The lab profile's refusals are those of acqmeta set: never "required", always the same rule.
  const refused = await profileRefusals(profiles, entry.absPath, save.changes);
  if (refused.length > 0) throw new ApiFailure('INVALID_VALUE', refused.map((p) => p.message).join(' '), save.path);
  let scan: ImageScan | null = null;
  let creation = {};
  if (entry.sidecar === 'none') {
    // A new sidecar carries the image's header, as CloudScope would write it.
    if (entry.kind !== 'tiff') throw new ApiFailure('NOT_FOUND', `${save.path} has no sidecar.`, save.path);
    scan = await scanImage(context.scanner, entry.absPath);
    if (!scan.ok) throw new ApiFailure('UNREADABLE_IMAGE', scan.message, save.path);
    creation = { header: scan.info.header, fileCalibration: scan.info.fileCalibration };
  }
  await saveFieldChanges(entry.absPath, save.changes, {
    expected: save.expected,
    overwrite: save.overwrite === true,
    ...(save.remove === undefined ? {} : { remove: save.remove }),
    ...creation,
  });
  const saved = await resolveImage(folder, save.path);
  // The header read for a new sidecar is reused; only the sidecar is read again.
  const row =
    scan === null
      ? await buildImageRow(folder.root, saved, context.scanner, profiles)
      : composeRow(saved, scan, summarizeSidecar(await readEntrySidecar(folder.root, saved)), await profiles.forImage(saved.absPath));
  return { path: save.path, ok: true, row };
}
