/**
 * Lab profiles (see docs/lab-profiles.md): load and compile a profile's JSON Schema, apply it
 * to sidecars with the "absent" rule, synonyms and folder rules, and word its problems for
 * people. Pure code; compiling needs `eval`, so only the backend and the command line call it.
 */
export { defaultSidecar, withoutAbsent } from './absent';
export { applyProfile } from './apply-profile';
export { checkValues } from './check-values';
export { blocksSaving } from './save-rules';
export { completeness, type Completeness, type FieldCompleteness, type ImageStatus } from './completeness';
export { fieldPath } from './field-paths';
export { checkFolderRules } from './folder-rules';
export { loadProfile, PROFILE_FILE_NAME, type CompiledProfile, type Profile } from './load-profile';
export { compileSafePattern } from './safe-pattern';
export { starterProfile } from './starter-profile';
export { looseForm, suggestValue } from './suggest';
export { compactDateAsIso, dateFieldsOf, inDateFormat } from './compact-date';
