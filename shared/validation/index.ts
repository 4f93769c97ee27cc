/**
 * Validation of field values and whole sidecars against the field table, with messages for
 * people. Runs in the renderer too: it only uses validators generated at build time.
 */
export { isNumberText, parseFieldInput, validateChanges, validateFieldValue } from './field-validation';
export { validateSidecarObject } from './sidecar-validation';
export { describeValue, typeMessage, unknownFieldMessage } from './messages';
export { valueAt } from './json-path';
