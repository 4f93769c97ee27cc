/**
 * The AcqImage sidecar format (CloudScope version 2): lossless reading, CloudScope-identical
 * writing, field edits and calibration checks. Pure: no disk access (see electron/services/sidecar).
 */
export {
  applyChanges,
  createSidecar,
  createSidecarText,
  editSidecar,
  newSidecarValues,
  withHeaderValues,
  withTopLevel,
} from './apply-changes';
export {
  CALIBRATION_SOURCE_NAMES,
  calibrationMismatch,
  declaredPixelSize,
  holdsPixelSize,
  pixelSizeValues,
  storedCalibrationText,
  usableCalibration,
  type PixelSize,
} from './calibration';
export { DAMAGED_TEXT_LIMIT, describeDamagedSidecar } from './damaged-sidecar';
export { headerMismatch } from './header-mismatch';
export { readJson } from './json-reader';
export { memberOf, numberValue, toPlain, type JsonEntry, type JsonNode, type JsonObject } from './json-tree';
export { writeJson } from './json-writer';
export {
  parseSidecar,
  valueProblems,
  type ParseOptions,
  type SidecarParseResult,
  type SidecarProblem,
} from './parse-sidecar';
export { compareCodePoints, pythonFloatRepr, pythonIntRepr } from './python-repr';
export { writtenText } from './salvage-values';
export { Sidecar } from './sidecar';
