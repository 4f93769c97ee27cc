/**
 * Calibration values as a person types them, read alike by `acqmeta calibrate`'s options and
 * the app's dialog: a size or an interval, and channel names separated by commas.
 */

/** The largest size or interval taken, as the sidecar's calibration fields (a larger one overflows readers' unit conversions). */
export const MAX_CALIBRATION_VALUE = 1_000_000;

/** A number greater than 0 and at most {@link MAX_CALIBRATION_VALUE} from `text` (spaces around allowed); null for anything else. */
export function calibrationNumber(text: string): number | null {
  const trimmed = text.trim();
  const value = /^[+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return value > 0 && value <= MAX_CALIBRATION_VALUE ? value : null;
}

/** The names of `text` separated by commas, each trimmed; null when one is empty or holds a control character. */
export function channelNames(text: string): string[] | null {
  const names = text.split(',').map((name) => name.trim());
  return names.some((name) => name === '' || /\p{Cc}/u.test(name)) ? null : names;
}
