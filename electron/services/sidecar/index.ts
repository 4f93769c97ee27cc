/**
 * Sidecar files on disk: reading with versions, atomic conflict-checked writes, field saves,
 * write batches (each write's journal record synced before its rename) and the clean-up of
 * temp files left by killed writes.
 */
export { noteValueProblems, valueProblemsAfterEdit } from './clean-sidecars';
export { ioFailure, sameVersion } from './file-snapshot';
export type { FileSnapshot, SizeLimit } from './opened-file';
export { readSidecarFile, sidecarFromSnapshot, type SidecarFile } from './read-sidecar-file';
export { readSnapshotSync } from './read-snapshot-sync';
export { saveFieldChanges } from './save-field-changes';
export type {
  JournalHook,
  JournalWrite,
  NewSidecarSource,
  SaveOptions,
  SaveResult,
  TakeFromSaved,
} from './save-options';
export { replaceFile } from './replace-file';
export { writeWholeFile } from './write-whole-file';
export { listingOfSteps, sidecarNameFor, sidecarPathFor, sidecarStepsFor, type SidecarListing } from './sidecar-path';
export { claimTemp, releaseTemp, sweepStaleTemps, sweepStaleTempsUnder } from './temp-files';
export { inWriteBatch, WriteBatch } from './write-batch';
export { withSidecarLock, type HeldSidecarLock } from './sidecar-lock';
export { releaseAtOnce } from './folder-holds';
export { appendJournalInWorker, lookInWorker, startWriteWorker, writeOnThisThread } from './write-worker-client';
export type { JournalEntry } from './write-worker-protocol';
export { isOwnWriteOnDisk } from './written-versions';
