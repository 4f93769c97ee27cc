/**
 * The instrument-catalogue methods' types: what the editor reads of the lab's microscope
 * descriptions (`acqmeta.instruments/`) in force for a folder, what it writes back, and the
 * description drafted from an image's header.
 */
import type { SidecarVersion } from './api-types';
import type { InstrumentComponentKind, InstrumentDescription, InstrumentProblem } from './instruments/instrument-types';

/** How a field of a description is edited, and checked. */
export type InstrumentFieldType = 'text' | 'number' | 'choice';

/** One editable field of a component type (or of the stand), as the Micro-Meta App schemas define it. */
export interface InstrumentFieldSpec {
  /** The JSON key in the component (`LensNA`, `NominalMagnification`, `CatalogNumber`). */
  key: string;
  /** The label the editor shows (`Lens NA`). */
  label: string;
  type: InstrumentFieldType;
  /** The schema's allowed values, for a `choice`. */
  choices?: string[];
  /** The unit the value is in, when the schema gives one (`nm`, `µm`, `mm`). */
  unit?: string;
  /** The lowest description tier (1–5) at which the Micro-Meta App requires the field; absent when never required. */
  requiredFromTier?: number;
}

/** The fields of one component type, by its `Schema_ID`. */
export interface InstrumentComponentSpec {
  schemaId: string;
  kind: InstrumentComponentKind;
  /** The type's name as the editor groups it (`Objective`, `Laser`, `Emission filter`). */
  label: string;
  fields: InstrumentFieldSpec[];
}

/** One description file of the catalogue in force, as read. */
export interface InstrumentFileInfo {
  /** The file, relative to the open folder, `/`-separated. */
  file: string;
  /** The file's text, exactly as read; null when it could not be read (then `problems` says why). */
  text: string | null;
  /** The version read, for the conflict check of a save; null when the file could not be read. */
  version: SidecarVersion | null;
  /** The description as read; null when the file cannot be used at all. */
  description: InstrumentDescription | null;
  /** What is wrong or doubtful in the file (placeholders, values out of range, …), each with its JSON path. */
  problems: InstrumentProblem[];
}

/** The catalogue in force for a folder of the open folder, as the editor shows it. */
export interface InstrumentCatalogueInfo {
  /** The folder asked about, relative to the open folder (`''` for the open folder itself). */
  folder: string;
  /** The `acqmeta.instruments` folder in force for it (relative; its full path when above the open folder), or null when none is. */
  inForce: string | null;
  /** Whether the catalogue in force lies above the open folder: it is read there, never written. */
  above: boolean;
  /** Where the folder's own catalogue would live (relative), whether or not it exists. */
  own: string;
  /** The description files of the catalogue in force, sorted by name. */
  files: InstrumentFileInfo[];
  /** Problems of the catalogue folder itself (files left out: too large, a link leaving the folder, not a regular file). */
  problems: InstrumentProblem[];
  /** The editable fields of the stand and of every component type the editor offers. */
  specs: { stand: InstrumentFieldSpec[]; components: InstrumentComponentSpec[] };
}

/** One change to a description, applied to its text so that every other byte stays as it was. */
export type InstrumentEdit =
  /** Set (or, with null, remove) a key of the description (`target: 'instrument'`), its stand, or the component with that `ID`. */
  | { op: 'set'; target: 'instrument' | 'stand' | { id: string }; key: string; value: string | number | null }
  /** Append a component (an object with at least `Schema_ID`, `ID` and `Name`). */
  | { op: 'add'; component: Record<string, unknown> }
  /** Remove the component with that `ID`. */
  | { op: 'remove'; id: string };

/** A write of one description file: `text: null` removes it (an undone creation). */
export interface InstrumentFileSave {
  /** The file, relative to the open folder; it must be a `.json` file directly in an `acqmeta.instruments` folder. */
  file: string;
  text: string | null;
  /** The version the edit was made from (null: there was no file); another one on disk is a CONFLICT. */
  expected: SidecarVersion | null;
  /** What the journal records the write as (`Edit ABIF Axiovert1`); `Instrument description` when absent. */
  action?: string;
}

/** What a save left on disk: the new version, null once the file is removed. */
export interface InstrumentFileSaved {
  file: string;
  version: SidecarVersion | null;
}

/** A description drafted from what an image's header records (its OME `Instrument`, or a vendor file's). */
export interface InstrumentDraft {
  /** The image it was drafted from, relative to the open folder. */
  path: string;
  /** A new description file's text, in the Micro-Meta App's layout; null when the header records no hardware. */
  text: string | null;
  /** The components the header describes, each ready to `add` to an existing description. */
  components: Record<string, unknown>[];
  /** What the header records that the draft could not carry (a value of an unknown unit, …). */
  notes: string[];
}
