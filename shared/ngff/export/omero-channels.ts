/**
 * The NGFF `omero` block of an exported image: each channel's label, colour and display window,
 * so that viewers (napari, vizarr, OMERO) name and colour the channels as the file and
 * CloudScope's sidecar do. Labels are only what the file records; colours and windows follow
 * CloudScope's display (the sidecar's `image_contrast`) where it has one.
 */
import type { AcquisitionChannel } from '../../acquisition/acquisition-types';
import { namedColor } from '../../acquisition/named-colors';
import { cleanNumber } from '../../number-text';
import { pyFloat, type PyValue } from './python-json';

/** One channel of an exported image, as its `omero` block describes it. */
export interface ExportChannel {
  /** What the file names the channel (its name, else its dye); null when it names none. */
  label: string | null;
  /** `RRGGBB`. */
  color: string;
  /** CloudScope's display range of the channel (the sidecar's `image_contrast`), when it records one. */
  display: { start: number; end: number } | null;
}

/** The smallest and largest sample of a channel's full resolution. */
export interface SampleRange {
  min: number;
  max: number;
}

/** ImageJ's colours of a composite's channels, in order, for channels nothing else colours. */
const COMPOSITE_COLORS = ['FF0000', '00FF00', '0000FF', 'FFFFFF', '00FFFF', 'FF00FF', 'FFFF00'];
/** A colour image's samples. */
const RGB_COLORS = ['FF0000', '00FF00', '0000FF'];

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The colour of light of `nm` as a viewer shows it: blue below 495 nm, green below 570 nm, red above. */
function wavelengthColor(nm: number | undefined): string | null {
  if (nm === undefined || !(nm > 0)) return null;
  return nm < 495 ? '0000FF' : nm < 570 ? '00FF00' : 'FF0000';
}

/** The sidecar's display range of a channel, when both ends are numbers in order. */
function displayOf(contrast: unknown): ExportChannel['display'] {
  if (!isPlain(contrast)) return null;
  const { value_min: start, value_max: end } = contrast;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end))
    return null;
  return start <= end ? { start, end } : null;
}

/**
 * The channels of an image of `count` channels: labelled by the file's channels, coloured by
 * the sidecar's lookup table, else the colour the file shows the channel in, else the emission
 * (or excitation) wavelength, else as a colour image's samples (`rgb`), else white for one
 * channel and ImageJ's composite colours for several.
 */
export function exportChannels(
  count: number,
  rgb: boolean,
  channels: readonly AcquisitionChannel[],
  imageContrast: unknown,
): ExportChannel[] {
  const contrast = isPlain(imageContrast) ? imageContrast : {};
  return Array.from({ length: count }, (_, c): ExportChannel => {
    const file = rgb ? undefined : channels[c];
    const own = contrast[String(c)];
    const lut = isPlain(own) && typeof own.color_lut === 'string' ? own.color_lut : undefined;
    const fallback = rgb ? RGB_COLORS[c] : count === 1 ? 'FFFFFF' : COMPOSITE_COLORS[c % COMPOSITE_COLORS.length];
    return {
      label: file?.name ?? file?.fluor ?? null,
      color:
        namedColor(lut) ??
        file?.color ??
        wavelengthColor(file?.emission_nm) ??
        wavelengthColor(file?.excitation_nm) ??
        (fallback as string),
      display: displayOf(own),
    };
  });
}

/** A window value: a float with no floating-point noise. */
const windowValue = (value: number): PyValue => pyFloat(cleanNumber(value));

/** The `omero` block of an image's channels, each window's min and max the channel's samples' range. */
export function omeroBlock(channels: readonly ExportChannel[], ranges: readonly SampleRange[]): PyValue {
  return {
    channels: channels.map((channel, c) => {
      // a channel of no samples but NaN has no range: its window is 0 to 0
      const range = Number.isFinite(ranges[c]?.min) ? (ranges[c] as SampleRange) : { min: 0, max: 0 };
      const shown = channel.display ?? { start: range.min, end: range.max };
      return {
        active: true,
        coefficient: pyFloat(1),
        color: channel.color,
        family: 'linear',
        inverted: false,
        label: channel.label ?? undefined,
        window: {
          end: windowValue(shown.end),
          max: windowValue(range.max),
          min: windowValue(range.min),
          start: windowValue(shown.start),
        },
      };
    }),
    rdefs: { defaultT: 0, defaultZ: 0, model: 'color' },
  };
}

/** `range` widened to hold every sample of `values` (NaN left out); a new range when `range` is undefined. */
export function widenedRange(range: SampleRange | undefined, values: ArrayLike<number>): SampleRange {
  let { min, max } = range ?? { min: Infinity, max: -Infinity };
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
