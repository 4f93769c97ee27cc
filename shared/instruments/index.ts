/** Microscope descriptions (Micro-Meta App hardware files): the model, reading, checking and matching images to them. */
export * from './instrument-types';
export * from './read-instrument';
export { matchObjective, NA_TOLERANCE, normalisedImmersion, normalisedObjectiveName } from './objective-match';
export type { ObjectiveMatch } from './objective-match';
export { LINE_TOLERANCE_NM, matchInstrument } from './instrument-match';
export type { ChannelPartMatch, InstrumentMatch, MatchedComponent, PartMatch } from './instrument-match';
export { matchLines, matchLineText } from './match-lines';
export { ruleProblem } from './microscope-rule';
export type { MicroscopeRule } from './microscope-rule';
export type { MatchLine, MatchStatus } from './match-lines';
export { componentWords, matchedHardware, microscopeWords, realValue, standModel } from './matched-hardware';
export type { ChannelParts, MatchedHardware, MatchedPart } from './matched-hardware';
export { applyInstrumentEdits, NEW_MODEL_VERSION, newInstrumentText } from './instrument-edit';
export { instrumentSpecs } from './instrument-specs';
export { draftInstrument } from './instrument-draft';
