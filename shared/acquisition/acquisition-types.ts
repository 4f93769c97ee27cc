/**
 * What the microscope recorded about an image's acquisition: one typed model, filled from every
 * metadata flavour a file carries (OME-XML, ImageJ, LSM, FluoView, ScanImage, Micro-Manager,
 * MetaMorph, plain TIFF tags, and the vendor formats' own metadata). Units are normalised
 * (nm for wavelengths, µm for lengths, s for times); a value nobody recorded is absent, never
 * guessed. This is the `acquisition` object of `acqmeta show --json` and `scan --json`.
 */

/** A metadata flavour a value can come from. */
export type AcquisitionFlavour =
  | 'ome'
  | 'imagej'
  | 'lsm'
  | 'fluoview'
  | 'scanimage'
  | 'micromanager'
  | 'metamorph'
  | 'tiff'
  | 'czi'
  | 'nd2'
  | 'lif'
  | 'oib'
  | 'ngff';

/** The microscope stand. */
export interface AcquisitionInstrument {
  manufacturer?: string;
  model?: string;
}

/** The objective the image was taken with. */
export interface AcquisitionObjective {
  /** As the file names it, e.g. `Plan-Apochromat 63x/1.40 Oil DIC M27`. */
  name?: string;
  /** Nominal magnification, e.g. 63. */
  magnification?: number;
  /** Numerical aperture, e.g. 1.4. */
  na?: number;
  /** Immersion medium as recorded (`Oil`, `Water`, `Air`, ...). */
  immersion?: string;
  /** Working distance in µm, e.g. 350. */
  working_distance_um?: number;
}

/** One channel of the image. */
export interface AcquisitionChannel {
  name?: string;
  /** Fluorophore or dye, e.g. `Alexa Fluor 488`. */
  fluor?: string;
  /** The wavelength of the light that excited the channel (a laser line, an LED's peak). */
  excitation_nm?: number;
  /** The dye's excitation peak, where the file records it apart from the light used (a CZI's). */
  dye_excitation_nm?: number;
  emission_nm?: number;
  exposure_s?: number;
  /** The detector that recorded the channel, as the file names it (`HyD 1`, `PmtSPI1`, a CZI's `Internal`). */
  detector_name?: string;
  detector_manufacturer?: string;
  /** The detector's model (`HDCamC11440-22C`), as the matching against the lab's catalogue compares it. */
  detector_model?: string;
  /** The detector's kind as recorded (`CCD`, `PMT`, `HyD`). */
  detector_type?: string;
  detector_serial?: string;
  /** The light source that lit the channel, as the file names it (a laser `DPSS 561-10`, an LED). */
  light_source?: string;
  /** The kind of that light source, where the file says which (an OME `Laser` element, a CZI `LightSourceType`). */
  light_source_kind?: LightSourceKind;
  /** The emission filters the channel's light passed, by name (`BP 495-550 + LP 570`), several joined with `; `. */
  emission_filter?: string;
  /** The colour the file shows the channel in, `RRGGBB` (an OME `Channel@Color`, a LIF `LUTName`). */
  color?: string;
}

/** The kinds of light source OME and the Micro-Meta App name alike. */
export const LIGHT_SOURCE_KINDS = ['Laser', 'LightEmittingDiode', 'Arc', 'Filament'] as const;

/** A kind of light source. */
export type LightSourceKind = (typeof LIGHT_SOURCE_KINDS)[number];

/** OME's dimension orders: the axes of a file's planes, fastest first. */
export const DIMENSION_ORDERS = ['XYZCT', 'XYZTC', 'XYCTZ', 'XYCZT', 'XYTCZ', 'XYTZC'] as const;

/** How the file stores its pixels, as its structure states it. */
export interface AcquisitionStorage {
  /** The byte order of the stored samples: a TIFF's own header's, whatever its OME-XML claims. */
  byte_order?: 'little' | 'big';
  /** Resolution levels of the image, full resolution included: more than 1 is a pyramid. */
  resolution_levels?: number;
  /** The dimension order the file's OME-XML states (`XYCTZ`), even where an axis of one plane makes others equivalent. */
  dimension_order?: (typeof DIMENSION_ORDERS)[number];
}

/** Physical size of one voxel, in µm. */
export interface AcquisitionPixelSize {
  x?: number;
  y?: number;
  z?: number;
}

/** The key of a value in the model, as a dotted path: `objective.na`, `channels.1.emission_nm`. */
export type AcquisitionKey = string;

/** Where one value came from: the flavour and the key within it (`Objective@LensNA`, `CZ_LSMINFO.VoxelSizeX`). */
export interface AcquisitionSource {
  flavour: AcquisitionFlavour;
  key: string;
}

/** Two flavours of one file that give different values for the same key (none is picked silently). */
export interface AcquisitionDisagreement {
  key: AcquisitionKey;
  values: { value: string | number; source: AcquisitionSource }[];
}

/**
 * An image's acquisition metadata. Every key is optional: absent means no flavour of the file
 * recorded it. `sources` lists the flavours that were read (in the order they were read),
 * `origins` where each present value came from, `disagreements` what the flavours disagree on,
 * `problems` what could not be read.
 */
export interface Acquisition {
  instrument?: AcquisitionInstrument;
  objective?: AcquisitionObjective;
  channels?: AcquisitionChannel[];
  pixel_size_um?: AcquisitionPixelSize;
  storage?: AcquisitionStorage;
  time_increment_s?: number;
  /** ISO 8601, with the offset where the file gave one. */
  acquired_at?: string;
  /** The acquisition software and its version, as recorded. */
  software?: string;
  /** The converter or library that wrote the file (`tifffile.py`, `OME Bio-Formats 6.5.0`), kept apart from the acquisition software. */
  written_by?: string;
  sources: AcquisitionFlavour[];
  origins?: Record<AcquisitionKey, AcquisitionSource>;
  disagreements?: AcquisitionDisagreement[];
  /**
   * What could not be read, one sentence per problem, naming the flavour (a unit no one knows,
   * malformed JSON, a structure that runs past its bounds). The values concerned stay absent;
   * the rest of the image reads as usual.
   */
  problems?: string[];
}
