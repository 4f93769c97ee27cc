/** Test helpers: the editor's view of some paths, computed in one go as the store's selectors do. */
import { editViewFold, type EditView, type FieldViewState } from '../../../../renderer/src/store/logic/field-state';
import type { AppState } from '../../../../renderer/src/app-store';

/** The editor's view of `paths` (every field, or those of `names`). */
export function editView(
  s: Pick<AppState, 'rows' | 'edits'>,
  paths: readonly string[],
  names?: readonly string[],
): EditView {
  const fold = editViewFold(s, names);
  for (const path of paths) fold.add(path);
  return fold.result();
}

/** The state of field `name` over `paths`. */
export function fieldViewState(
  s: Pick<AppState, 'rows' | 'edits'>,
  paths: readonly string[],
  name: string,
): FieldViewState {
  return editView(s, paths, [name]).fields[name] as FieldViewState;
}
