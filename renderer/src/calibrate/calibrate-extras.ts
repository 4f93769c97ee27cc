/**
 * What the dialog writes beside each sidecar's pixel size, as typed: a z step, a frame interval
 * and channel names, read as `acqmeta calibrate --z-step`, `--interval` and `--channels` read them.
 */
import type { CalibrationAsked } from '../../../shared/api';
import { calibrationNumber, channelNames } from '../../../shared/tiff-calibration';

/** The three fields as typed (blank: not written). */
export interface CalibrateExtras {
  zStep: string;
  interval: string;
  channels: string;
}

/** No extra value: the pixel size alone. */
export const NO_EXTRAS: CalibrateExtras = { zStep: '', interval: '', channels: '' };

/** The request's extra values, or what is wrong with each field that cannot be read. */
export type ReadExtras =
  | { ok: true; asked: Omit<CalibrationAsked, 'paths'> }
  | { ok: false; problems: Partial<Record<keyof CalibrateExtras, string>> };

/** Reads the fields: a blank one asks for nothing. */
export function readExtras(extras: CalibrateExtras): ReadExtras {
  const problems: Partial<Record<keyof CalibrateExtras, string>> = {};
  const asked: Omit<CalibrationAsked, 'paths'> = {};
  for (const key of ['zStep', 'interval'] as const) {
    if (extras[key].trim() === '') continue;
    const value = calibrationNumber(extras[key]);
    if (value === null) problems[key] = 'A number greater than 0 and at most 1,000,000.';
    else asked[key] = value;
  }
  if (extras.channels.trim() !== '') {
    const names = channelNames(extras.channels);
    if (names === null) problems.channels = 'Names separated by commas, none empty.';
    else asked.channels = names;
  }
  return Object.keys(problems).length === 0 ? { ok: true, asked } : { ok: false, problems };
}

/** Whether two sets of fields ask for the same (blank and spaces alike). */
export function sameExtras(a: CalibrateExtras, b: CalibrateExtras): boolean {
  return JSON.stringify(readExtras(a)) === JSON.stringify(readExtras(b));
}
