/**
 * The submission handlers: checkFolderLayout (the open folder's layout checked against a
 * repository's directory schema, with the same listing and rules as `acqmeta validate --target`,
 * the verdict of HuBMAP's own `directory_validator.py`) and exportSubmission (the files of a
 * submission format drafted from the folder, as `acqmeta export --format` writes them).
 */
import type { ApiHandlers, FolderLayoutCheck, SubmissionExport } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import {
  checkUploadLayout,
  compileGlob,
  findTarget,
  isSubmissionFormat,
  requiredMissing,
  SUBMISSION_FORMATS,
  targetName,
  targetNames,
} from '../../../shared/submission';
import { listDatasetPaths } from '../folder';
import { draftSubmission } from '../submission';
import { requireFolder, type BackendContext } from './backend-context';

/** The handlers of `checkFolderLayout` and `exportSubmission`. */
export function submissionHandler(
  context: BackendContext,
): Pick<ApiHandlers, 'checkFolderLayout' | 'exportSubmission'> {
  return {
    async checkFolderLayout({ target, ignore = [] }): Promise<FolderLayoutCheck> {
      const folder = requireFolder(context);
      const targets = targetNames();
      if (target === undefined) return { targets, target: null, paths: 0, checklist: [], notAllowed: [], leftOut: [] };
      const schema = findTarget(target);
      if (schema === null) throw new ApiFailure('INVALID_VALUE', `${target} is not a target AcqMeta knows.`);
      for (const glob of ignore)
        try {
          compileGlob(glob);
        } catch (error) {
          throw new ApiFailure('INVALID_VALUE', (error as Error).message);
        }
      const paths = await listDatasetPaths(folder.root);
      const verdict = checkUploadLayout(paths, schema, ignore);
      return {
        targets,
        target: targetName(schema),
        paths: verdict.checked,
        checklist: verdict.checklist.map(({ entry, met }) => ({
          pattern: entry.pattern,
          description: entry.description ?? '',
          required: entry.required,
          met,
        })),
        notAllowed: [...verdict.notAllowed],
        leftOut: [...verdict.leftOut],
      };
    },
    async exportSubmission({ format }): Promise<SubmissionExport> {
      const folder = requireFolder(context);
      if (!isSubmissionFormat(format))
        throw new ApiFailure(
          'INVALID_VALUE',
          `${format} is not a submission format AcqMeta writes (${SUBMISSION_FORMATS.join(', ')}).`,
        );
      const draft = await draftSubmission(folder.root, format, { scanner: context.scanner });
      if (draft.refused.length > 0)
        throw new ApiFailure('INVALID_VALUE', `Nothing can be saved: ${draft.refused.join('; ')}.`);
      const files = draft.parts.map(({ name, table, text }) => ({
        name,
        text,
        rows: table.rows.length,
        columns: table.columns.length,
        todo: [...table.todo],
      }));
      return {
        format,
        files,
        imageCount: draft.imageCount,
        unreadable: draft.unreadable,
        requiredMissing: files.some((file) => requiredMissing(file.todo)),
      };
    },
  };
}
