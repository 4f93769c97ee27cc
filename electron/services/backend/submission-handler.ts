/**
 * checkFolderLayout: the open folder's layout checked against a repository's directory schema,
 * with the same listing and rules as `acqmeta validate --target` (the verdict of HuBMAP's own
 * `directory_validator.py`).
 */
import type { ApiHandlers, FolderLayoutCheck } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { checkDirectory, compileGlob, findTarget, targetName, targetNames } from '../../../shared/submission';
import { listDatasetPaths } from '../submission';
import { requireFolder, type BackendContext } from './backend-context';

/** The handler of `checkFolderLayout`. */
export function submissionHandler(context: BackendContext): Pick<ApiHandlers, 'checkFolderLayout'> {
  return {
    async checkFolderLayout({ target, ignore = [] }): Promise<FolderLayoutCheck> {
      const folder = requireFolder(context);
      const targets = targetNames();
      if (target === undefined) return { targets, target: null, paths: 0, checklist: [], notAllowed: [] };
      const schema = findTarget(target);
      if (schema === null) throw new ApiFailure('INVALID_VALUE', `${target} is not a target AcqMeta knows.`);
      for (const glob of ignore)
        try {
          compileGlob(glob);
        } catch (error) {
          throw new ApiFailure('INVALID_VALUE', (error as Error).message);
        }
      const paths = await listDatasetPaths(folder.root);
      const verdict = checkDirectory(paths, schema, ignore);
      return {
        targets,
        target: targetName(schema),
        paths: paths.length,
        checklist: verdict.checklist.map(({ entry, met }) => ({
          pattern: entry.pattern,
          description: entry.description ?? '',
          required: entry.required,
          met,
        })),
        notAllowed: [...verdict.notAllowed],
      };
    },
  };
}
