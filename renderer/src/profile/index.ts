/**
 * The lab profile in the app: its checks of completeness, normalising values, folder rules and
 * the target metadata a profile asks for.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `CompletenessDialog` of `completeness-dialog.tsx`, fetched when it is first drawn. */
export const CompletenessDialog = lazyComponent(() =>
  import('./completeness-dialog').then((m) => m.CompletenessDialog),
);
export { createCurationSlice, type CurationSlice } from './curation-slice';
export { FieldGapChip } from './field-gap-chip';
/** The `NormalizeDialog` of `normalize-dialog.tsx`, fetched when it is first drawn. */
export const NormalizeDialog = lazyComponent(() => import('./normalize-dialog').then((m) => m.NormalizeDialog));
export { ProfileButton } from './profile-button';
export { selectDateFieldsByPath, selectFieldProblems, selectFieldRules, type FieldProblem } from './profile-selectors';
export { createProfileSlice, type ProfileSlice } from './profile-slice';
export { folderTarget } from './profile-summary';
export { createTargetMetadataSlice, type TargetMetadataSlice } from './target-metadata-slice';
