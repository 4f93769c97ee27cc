/**
 * Sidecar files on disk: reading with versions, atomic conflict-checked writes, field saves.
 */
export { readSidecarFile, type SidecarFile } from './read-sidecar-file';
export { saveFieldChanges, type SaveOptions, type SaveResult } from './save-field-changes';
export { sidecarNameFor, sidecarPathFor } from './sidecar-path';
export { writeSidecarFile } from './write-sidecar-file';
