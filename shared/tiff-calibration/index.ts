/** Calibration written into a TIFF's own header: the typed model, the plan of one image's write. */
export type {
  CalibrationOutcome,
  CalibrationRequest,
  ImageReview,
  HeaderCalibration,
  HeaderKind,
  HeaderPatch,
  HeaderPlace,
  HeaderPlan,
  HeaderValueChange,
  LengthUnit,
  ReplacedRange,
} from './calibration-model';
export { calibrationNumber, channelNames, MAX_CALIBRATION_VALUE } from './calibration-text';
export { convertLength, lengthUnitOf } from './calibration-units';
export { planHeaderWrite } from './plan-header-write';
