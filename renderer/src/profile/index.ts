/**
 * The lab profile in the app: its checks of completeness, normalising values, folder rules and
 * the target metadata a profile asks for.
 */
export { CompletenessDialog } from './completeness-dialog';
export { createCurationSlice, type CurationSlice } from './curation-slice';
export { FieldGapChip } from './field-gap-chip';
export { NormalizeDialog } from './normalize-dialog';
export { ProfileButton } from './profile-button';
export { selectDateFieldsByPath, selectFieldProblems, selectFieldRules, type FieldProblem } from './profile-selectors';
export { createProfileSlice, type ProfileSlice } from './profile-slice';
export { folderTarget } from './profile-summary';
export { createTargetMetadataSlice, type TargetMetadataSlice } from './target-metadata-slice';
