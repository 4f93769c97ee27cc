/**
 * A lab's description of one microscope, as the Micro-Meta App (4DN-BINA-OME, "LiMi") writes it:
 * the stand and its components, each typed by its `Schema_ID`. Only what matching images to the
 * hardware needs is typed here; the file's other keys stay in the file, untouched.
 */

/** What a component is, from its `Schema_ID` (`Objective.json`, `CCD.json`, …). */
export type InstrumentComponentKind =
  | 'objective'
  | 'detector'
  | 'light-source'
  | 'excitation-filter'
  | 'emission-filter'
  | 'dichroic'
  | 'filter-cube'
  | 'software'
  /** A type AcqMeta does not read (a stage, a condenser, an incubator, a newer schema's part). */
  | 'other';

/** A pass band of a filter or dichroic: its centre and full width at half maximum, in nm. */
export interface WavelengthBand {
  centre_nm: number;
  width_nm: number;
}

/** One component of the microscope. */
export interface InstrumentComponent {
  kind: InstrumentComponentKind;
  /** The component's `Schema_ID`, as written. */
  schemaId: string;
  /** The component's `ID` (a UUID in the Micro-Meta App's files). */
  id: string;
  name: string;
  manufacturer?: string;
  model?: string;
  catalogNumber?: string;
  /** The component's `SerialNumber` (a detector's matches a serial number an image records). */
  serialNumber?: string;
  /** An objective's nominal magnification. */
  magnification?: number;
  /** An objective's numerical aperture (`LensNA`). */
  na?: number;
  /** An objective's immersion medium (`ImmersionType`), as written. */
  immersion?: string;
  /** An objective's correction class (`Correction`: `PlanApochromat`, …). */
  correction?: string;
  /** An objective's working distance (`WorkingDistance`), in `workingDistanceUnit`. */
  workingDistance?: number;
  /** The unit of the working distance (`WorkingDistanceUnit`: `mm`, `µm`), as written. */
  workingDistanceUnit?: string;
  /** A light source's lines: a laser's wavelength, an LED module's peak, in nm. */
  wavelengths_nm?: number[];
  /** A filter's or dichroic's transmitted bands. */
  bands?: WavelengthBand[];
  /** A camera's pixel width, in µm. */
  pixel_size_um?: number;
  /** The IDs of the components this one holds (a filter cube's filters and dichroic). */
  parts?: string[];
}

/** A microscope as its description file gives it. */
export interface InstrumentDescription {
  /** The description's file name, as the problems name it. */
  file: string;
  id: string;
  name: string;
  /** `ModelVersion` (the Micro-Meta App's schema version, e.g. `2.01.0`). */
  modelVersion?: string;
  /** The description's tier (1–5: how much of the hardware it is meant to describe). */
  tier?: number;
  stand: { manufacturer?: string; model?: string; catalogNumber?: string };
  components: InstrumentComponent[];
}

/** Something wrong or doubtful in a description: where in the file (a JSON path), and what. */
export interface InstrumentProblem {
  file: string;
  /** A JSON path into the file: `components[3].LensNA`. */
  at: string;
  message: string;
  /** `error`: the description (or that part of it) cannot be used; `warning`: it can, but check it. */
  severity: 'error' | 'warning';
  /** The value, when the problem is a placeholder (`999`) standing where a real value belongs. */
  placeholder?: string;
}

/** The folder holding a lab's descriptions, one Micro-Meta App file per microscope; the nearest one above an image is in force. */
export const INSTRUMENTS_FOLDER = 'acqmeta.instruments';
