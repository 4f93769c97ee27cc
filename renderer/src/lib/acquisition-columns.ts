/**
 * The table's acquisition columns (hidden until chosen): what the microscope recorded, read
 * from the image file. Their text is what the filter searches (`objective:63x`, `channel:GFP`,
 * `acquired:2026-03`); NA, Z step and Interval are numbers (`na:>1.2`).
 */
import {
  acquiredText,
  channelsText,
  instrumentText,
  objectiveText,
  shortNumber,
} from '../../../shared/acquisition/acquisition-text';
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';

/** One acquisition column: its words for a row's acquisition, and its number when it is a number column. */
export interface AcquisitionColumnSpec {
  key: string;
  label: string;
  longLabel: string;
  description: string;
  minWidth: number;
  text: (acquisition: Acquisition) => string;
  number?: (acquisition: Acquisition) => number | undefined;
  /** Turns what is typed after `key:` into the column's way of writing it (`63x` → `63×`). */
  typed?: (value: string) => string;
}

const numberText = (value: number | undefined): string => (value === undefined ? '' : shortNumber(value));

/** The acquisition columns in display order. */
export const ACQUISITION_COLUMNS: readonly AcquisitionColumnSpec[] = [
  {
    key: 'instrument',
    label: 'Instrument',
    longLabel: 'Instrument',
    description: 'Microscope manufacturer and model, as the file records them',
    minWidth: 140,
    text: instrumentText,
  },
  {
    key: 'objective',
    label: 'Objective',
    longLabel: 'Objective',
    description: 'Objective magnification, numerical aperture and immersion, as the file records them',
    minWidth: 130,
    text: (a) => objectiveText(a.objective),
    typed: (value) => value.replace(/(\d)x/g, '$1×'),
  },
  {
    key: 'na',
    label: 'NA',
    longLabel: 'Numerical aperture',
    description: 'Numerical aperture of the objective',
    minWidth: 60,
    text: (a) => (a.objective?.na === undefined ? '' : a.objective.na.toFixed(2)),
    number: (a) => a.objective?.na,
  },
  {
    key: 'channel',
    label: 'Channel names',
    longLabel: 'Channel names',
    description: 'Channel names or dyes with excitation/emission wavelengths (nm), as the file records them',
    minWidth: 180,
    text: (a) => channelsText(a.channels),
  },
  {
    key: 'zstep',
    label: 'Z step (µm)',
    longLabel: 'Z step',
    description: 'Distance between z planes, in µm',
    minWidth: 96,
    text: (a) => numberText(a.pixel_size_um?.z),
    number: (a) => a.pixel_size_um?.z,
  },
  {
    key: 'interval',
    label: 'Interval (s)',
    longLabel: 'Frame interval',
    description: 'Time between frames, in seconds',
    minWidth: 96,
    text: (a) => numberText(a.time_increment_s),
    number: (a) => a.time_increment_s,
  },
  {
    key: 'acquired',
    label: 'Acquired',
    longLabel: 'Acquired',
    description: 'Acquisition date and time, as the file records them (its own clock)',
    minWidth: 130,
    text: (a) => acquiredText(a.acquired_at),
  },
];
