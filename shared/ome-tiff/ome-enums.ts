/**
 * The OME 2016-06 enumerations the archival OME-XML writes: pixel types, objective immersion
 * and correction, detector types. A value recorded but not among OME's is "Other"; a
 * correction is read from the objective's name (the model has no field of its own for it).
 */
import type { ArchivalDtype } from './archival-types';

const PIXEL_TYPES: Readonly<Record<ArchivalDtype, string>> = {
  uint8: 'uint8',
  int8: 'int8',
  uint16: 'uint16',
  int16: 'int16',
  uint32: 'uint32',
  int32: 'int32',
  float32: 'float',
  float64: 'double',
};

/** OME's PixelType of a numpy sample type. */
export function omePixelType(dtype: ArchivalDtype): string {
  return PIXEL_TYPES[dtype];
}

/** A recorded value, lower-case with spaces, hyphens and underscores removed, for matching. */
function squeezed(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

const IMMERSIONS: Readonly<Record<string, string>> = {
  oil: 'Oil',
  water: 'Water',
  w: 'Water',
  waterdipping: 'WaterDipping',
  dipping: 'WaterDipping',
  air: 'Air',
  dry: 'Air',
  multi: 'Multi',
  multiimmersion: 'Multi',
  glycerol: 'Glycerol',
  glycerin: 'Glycerol',
  glyc: 'Glycerol',
};

/** OME's Immersion for the medium a file records ("Other" for one OME does not name). */
export function omeImmersion(recorded: string): string {
  return IMMERSIONS[squeezed(recorded)] ?? 'Other';
}

/** Corrections by the words objective names use, most specific first. */
const CORRECTIONS: readonly [RegExp, string][] = [
  // Leica abbreviates Plan as PL (`HC PL APO`)
  [/\bpl(?:an)?[\s-]*apo/i, 'PlanApo'],
  [/plan[\s-]*neofluar/i, 'PlanNeofluar'],
  [/plan[\s-]*fluor/i, 'PlanFluor'],
  [/super[\s-]*fluor|\bs[\s-]*fluor/i, 'SuperFluor'],
  [/neofluar/i, 'Neofluar'],
  [/fluotar/i, 'Fluotar'],
  [/fluar/i, 'Fluar'],
  [/achro(mat|plan)/i, 'Achromat'],
  [/\bapo/i, 'Apo'],
  [/fluor/i, 'Fluor'],
];

/** OME's Correction as an objective's name states it; undefined when the name states none OME knows. */
export function omeCorrection(objectiveName: string): string | undefined {
  for (const [pattern, correction] of CORRECTIONS) if (pattern.test(objectiveName)) return correction;
  return undefined;
}

const DETECTOR_TYPES: Readonly<Record<string, string>> = {
  ccd: 'CCD',
  intensifiedccd: 'IntensifiedCCD',
  iccd: 'IntensifiedCCD',
  analogvideo: 'AnalogVideo',
  pmt: 'PMT',
  photomultiplier: 'PMT',
  photodiode: 'Photodiode',
  spectroscopy: 'Spectroscopy',
  lifetimeimaging: 'LifetimeImaging',
  correlationspectroscopy: 'CorrelationSpectroscopy',
  ftir: 'FTIR',
  emccd: 'EMCCD',
  apd: 'APD',
  cmos: 'CMOS',
  scmos: 'CMOS',
  ebccd: 'EBCCD',
};

/** OME's Detector Type for the kind a file records (`GaAsP-PMT` is a PMT; `HyD` and the like are "Other"). */
export function omeDetectorType(recorded: string): string {
  const kind = squeezed(recorded);
  return DETECTOR_TYPES[kind] ?? (kind.endsWith('pmt') ? 'PMT' : 'Other');
}
