/**
 * An acquisition in words, the same everywhere it is shown: the editor's one-line summary
 * ("63×/1.40 Oil · 3 channels: DAPI 405/461, GFP 488/510 · 0.1 µm/px · z 0.5 µm"), the table's
 * acquisition columns, and the dataset readme. Pure; unknown values are left out, never guessed.
 */
import type { Acquisition, AcquisitionChannel, AcquisitionObjective, AcquisitionPixelSize } from './acquisition-types';

/** A number with at most `digits` significant digits and no trailing zeros (`0.1`, `0.166`, `63`). */
export function shortNumber(value: number, digits = 3): string {
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  // toFixed stops at 12 decimals: smaller numbers keep their digits in exponent form (1.269e-12)
  if (decimals > 12) return String(Number(value.toPrecision(digits)));
  return String(Number(value.toFixed(decimals)));
}

/** Significant digits a number written by a person or an instrument seldom goes beyond; longer ones were computed. */
const RECORDED_DIGITS = 6;
/** Significant digits a computed number (a pixel size from a field of view, a unit conversion) is rounded to. */
const COMPUTED_DIGITS = 4;

/**
 * A number as a microscopist would write it: as recorded when, without floating-point noise, it
 * has few digits (`1.4000000000000001` → `1.4`, `0.0439`, `0.144992`); rounded to 4 significant
 * digits when it has more, as a program computed it (`0.10481442857142857` → `0.1048`).
 */
export function recordedNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const clean = Number(value.toPrecision(12));
  const digits = clean.toExponential().replace(/e.*$/, '').replace(/\D/g, '').length;
  return digits <= RECORDED_DIGITS ? String(clean) : shortNumber(value, COMPUTED_DIGITS);
}

/** `63×/1.40 Oil` from whichever of magnification, NA and immersion are given. */
function objectiveNumbers(magnification?: number, na?: number, immersion?: string): string {
  const parts = [
    magnification === undefined ? '' : `${shortNumber(magnification)}×`,
    na === undefined ? '' : `${magnification === undefined ? 'NA ' : '/'}${na.toFixed(2)}`,
  ].join('');
  return [parts, immersion ?? ''].filter((part) => part !== '').join(' ');
}

/** Whether `name` states `value` as one of its numbers (`40x/1.30` states 40 and 1.3), within `tolerance`. */
function states(name: string, value: number, tolerance: number): boolean {
  return (name.match(/\d+(?:\.\d+)?/g) ?? []).some((text) => Math.abs(Number(text) - value) <= tolerance);
}

/**
 * The objective as the file names it, followed by what its name leaves unsaid:
 * `EC Plan-Neofluar 40x/1.30 Oil`, `Plan Apo λ 60x (NA 0.95)`; without a name, `63×/1.40 Oil`.
 */
export function objectiveText(objective: AcquisitionObjective | undefined): string {
  if (objective === undefined) return '';
  const { magnification, na, immersion } = objective;
  const name = objective.name?.replace(/\s+/g, ' ').trim() ?? '';
  if (name === '') return objectiveNumbers(magnification, na, immersion);
  const unsaid = objectiveNumbers(
    magnification !== undefined && states(name, magnification, 1e-6) ? undefined : magnification,
    na !== undefined && states(name, na, 0.005) ? undefined : na,
    immersion !== undefined && name.toLowerCase().includes(immersion.toLowerCase()) ? undefined : immersion,
  );
  return unsaid === '' ? name : `${name} (${unsaid})`;
}

/**
 * A channel as the file names it, its dye when that is another name, and its excitation/emission
 * in nm: `GFP 488/510`, `ChS1 (Alexa Fluor 568) ex 561`, `DAPI`.
 */
export function channelText(channel: AcquisitionChannel): string {
  const { name, fluor } = channel;
  const label =
    name !== undefined && fluor !== undefined && fluor !== name ? `${name} (${fluor})` : (name ?? fluor ?? '');
  const { excitation_nm: ex, emission_nm: em } = channel;
  const nm = (value: number) => String(Math.round(value));
  const waves =
    ex !== undefined && em !== undefined
      ? `${nm(ex)}/${nm(em)}`
      : ex !== undefined
        ? `ex ${nm(ex)}`
        : em !== undefined
          ? `em ${nm(em)}`
          : '';
  return [label, waves].filter((part) => part !== '').join(' ');
}

/** The channels as one list: `DAPI 405/461, GFP 488/510`; empty when none is known. */
export function channelsText(channels: readonly AcquisitionChannel[] | undefined): string {
  return (channels ?? [])
    .map(channelText)
    .filter((text) => text !== '')
    .join(', ');
}

/**
 * The lateral pixel size: `0.1 µm/px`, or `0.1 × 0.12 µm/px` when X and Y differ; each number
 * written by `number` (short by default, {@link recordedNumber} in the dataset drafts).
 */
export function pixelSizeText(size: AcquisitionPixelSize | undefined, number = shortNumber): string {
  const { x, y } = size ?? {};
  if (x === undefined && y === undefined) return '';
  if (x === undefined || y === undefined || number(x) === number(y)) return `${number((x ?? y)!)} µm/px`;
  return `${number(x)} × ${number(y)} µm/px`;
}

/** A time step in the unit that reads best: `0.53 s`, `150 ms`, `2 min`; its number written by `number` as in {@link pixelSizeText}. */
export function intervalText(seconds: number | undefined, number = shortNumber): string {
  if (seconds === undefined) return '';
  if (seconds > 0 && seconds < 1) return `${number(seconds * 1000)} ms`;
  if (seconds >= 120) return `${number(seconds / 60)} min`;
  return `${number(seconds)} s`;
}

/** An ISO 8601 date, its time of day to the minute, and the zone written after the time (`Z` or an offset). */
const ACQUIRED = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;

/**
 * The acquisition date and time as recorded, to the minute, with the zone the file gives:
 * `2014-06-18 13:55 UTC`, `2026-03-05 10:11 +01:00`, and `2019-06-27 18:33` when it gives none
 * (the file's clock, no conversion).
 */
export function acquiredText(acquiredAt: string | undefined): string {
  if (acquiredAt === undefined) return '';
  const match = ACQUIRED.exec(acquiredAt);
  if (match === null) return acquiredAt;
  const zone = match[3] === undefined ? undefined : match[3].toUpperCase() === 'Z' ? 'UTC' : match[3];
  return [match[1], match[2], zone].filter(Boolean).join(' ');
}

/** Whether an acquisition time gives a time of day without saying in which time zone. */
export function acquiredWithoutZone(acquiredAt: string | undefined): boolean {
  const match = acquiredAt === undefined ? null : ACQUIRED.exec(acquiredAt);
  return match !== null && match[2] !== undefined && match[3] === undefined;
}

/** The instrument as `manufacturer model`, either part alone when the other is unknown. */
export function instrumentText(acquisition: Acquisition): string {
  const { manufacturer, model } = acquisition.instrument ?? {};
  return [manufacturer, model].filter((part) => part !== undefined && part !== '').join(' ');
}

/** The one-line summary the editor shows: objective · channels · pixel size · z step · interval. */
export function acquisitionSummary(acquisition: Acquisition): string {
  const channels = channelsText(acquisition.channels);
  const count = acquisition.channels?.length ?? 0;
  const z = acquisition.pixel_size_um?.z;
  return [
    objectiveText(acquisition.objective),
    count === 0 ? '' : `${count} channel${count === 1 ? '' : 's'}${channels === '' ? '' : `: ${channels}`}`,
    pixelSizeText(acquisition.pixel_size_um),
    z === undefined ? '' : `z ${shortNumber(z)} µm`,
    acquisition.time_increment_s === undefined ? '' : `every ${intervalText(acquisition.time_increment_s)}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}
