/**
 * checkSubmissionMetadata: the metadata file of a submission target (the one asked for, else the
 * `x-target` of the profile in force for the open folder) made from the open folder's images, as
 * `acqmeta export --format <target>` makes it (with the lab's microscope catalogue), column by column.
 */
import type { ApiHandlers, ImageRow, SubmissionMetadataCheck } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { metadataColumns, resolveTarget, targetTable, targetTitle } from '../../../shared/submission';
import { listImages } from '../folder';
import { targetInForce, withHardware } from '../profile';
import { scanRows } from '../rows';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { exportName } from './table-handlers';

const NONE: SubmissionMetadataCheck = {
  target: null,
  title: '',
  profile: null,
  format: null,
  rows: 'dataset',
  images: 0,
  columns: [],
};

/** The handler of `checkSubmissionMetadata`. */
export function submissionMetadataHandler(context: BackendContext): Pick<ApiHandlers, 'checkSubmissionMetadata'> {
  return {
    async checkSubmissionMetadata(request): Promise<SubmissionMetadataCheck> {
      const folder = requireFolder(context);
      const finder = profileFinder(context, folder);
      const inForce = request.target === undefined ? await targetInForce(finder, folder.root) : null;
      const target = inForce?.target ?? (request.target === undefined ? null : resolveTarget(request.target));
      if (target === null) {
        if (request.target === undefined) return NONE;
        throw new ApiFailure('INVALID_VALUE', `${request.target} is not a target AcqMeta knows.`);
      }
      const named = { target: target.name, title: targetTitle(target), profile: inForce?.profile ?? null };
      if (target.format === null) return { ...NONE, ...named };
      const rows: ImageRow[] = [];
      for await (const row of scanRows(folder.root, listImages(folder.root), context.scanner)) rows.push(row);
      // what the files do not record of the microscope comes from the lab's catalogue, as in the export
      const table = targetTable(target.format, exportName(folder), await withHardware(folder.root, rows, finder));
      return {
        ...named,
        format: target.format,
        rows: target.format.startsWith('htan:') ? 'image' : 'dataset',
        images: rows.length,
        columns: metadataColumns(target.format, table),
      };
    },
  };
}
