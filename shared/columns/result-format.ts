/** How summary values read: units taken from their names, row values as table cells show them. */
import { decodeResultNumber, parseResultKey, type ResultNumber } from '../analysis';
import { formatMeasure } from './cell-text';

/** Name parts that are units, as shown. */
const UNITS: Readonly<Record<string, string>> = {
  um: 'µm',
  nm: 'nm',
  mm: 'mm',
  ms: 'ms',
  sec: 's',
  hz: 'Hz',
  pct: '%',
  percent: '%',
  deg: '°',
};

/** Name parts of values without a unit: counts and ratios (`num_windows`, `diameter_um_cv`). */
const UNITLESS = new Set(['num', 'count', 'n', 'cv', 'ratio', 'fraction', 'frac']);

/**
 * The unit a summary key names, e.g. `diameter_um_mean` → `µm`, `speed_um_per_s` → `µm/s`;
 * empty when the name says none (`velocity_mean`) or names a count or ratio (`num_windows`,
 * `diameter_um_cv`).
 */
export function unitFromName(key: string): string {
  const parts = key.toLowerCase().split('_');
  if (parts.some((part) => UNITLESS.has(part))) return '';
  const per = parts.indexOf('per');
  if (per > 0) {
    const top = UNITS[parts[per - 1] as string];
    const bottom = parts[per + 1] === 's' ? 's' : UNITS[parts[per + 1] ?? ''];
    if (top !== undefined && bottom !== undefined) return `${top}/${bottom}`;
  }
  for (const part of parts) {
    const unit = UNITS[part];
    if (unit !== undefined) return unit;
  }
  return '';
}

/** A row's result value for a table cell: 6 significant digits; NaN and infinities spelled out. */
export function formatResult(value: ResultNumber | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? formatMeasure(value) : value;
}

/** The value a result column sorts by: NaN sorts with the empty cells. */
export function resultSortValue(value: ResultNumber | undefined): number | null {
  if (value === undefined) return null;
  const number = decodeResultNumber(value);
  return Number.isNaN(number) ? null : number;
}

/** `ROI 1`, `ROI 1, channel 2`, `ROI 1 (2nd record)`: which record of an image a result comes from. */
export function resultWhere(roiId: number | null, channel: number | null, occurrence = 1): string {
  const parts = [roiId === null ? 'no ROI' : `ROI ${roiId}`];
  if (channel !== null && channel !== 0) parts.push(`channel ${channel}`);
  const where = parts.join(', ');
  return occurrence > 1 ? `${where} (record ${occurrence})` : where;
}

/** The long name of a result key: `radon_velocity · velocity_mean, ROI 1`; null when not a key. */
export function resultLabel(key: string): string | null {
  const parts = parseResultKey(key);
  if (parts === null) return null;
  return `${parts.analysis} · ${parts.key}, ${resultWhere(parts.roiId, parts.channel, parts.occurrence)}`;
}
