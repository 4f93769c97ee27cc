/**
 * Lab profiles on disk: which profile is in force where, compiled once per file version,
 * applied to images, to changes before they are written, and to folder layouts.
 */
export { profileRefusals, refusalsOf } from './check-changes';
export { folderProblems } from './folder-check';
export { profileProblemsOf, sidecarValues } from './image-profile';
export { createProfileCache, type LoadedProfile, type ProfileCache } from './profile-cache';
export type { InstrumentCatalogue } from './instrument-catalogue';
export { writeInstrumentFile } from './instrument-file';
export { catalogueNamesOf, instrumentMatchOf, withHardware } from './instrument-in-force';
export { createProfileFinder, type FinderOptions, type ProfileFinder } from './profile-finder';
export { linkEscapeCheck } from './link-escape';
export { nearestFileLookup } from './nearest-file';
export { profilesUnder } from './profile-info';
export { targetInForce, type TargetInForce } from './profile-target';
