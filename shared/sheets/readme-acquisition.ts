/**
 * The readme's account of how the images were taken, from what the files themselves recorded
 * (instrument, objective, channels, pixel size, z step, interval), with the number of images
 * behind each value; and the places left for a person where no file tells. Pure.
 */
import { tallyAcquisitions, type AcquisitionAspect } from '../acquisition/acquisition-tally';
import type { Acquisition } from '../acquisition/acquisition-types';
import type { ImageRow } from '../api-types';
import { hasManyAlong } from './header-axes';
import { markdownText, ofImages, plural, TODO } from './markdown-text';

/** Values listed per aspect before the rest are counted. */
const SHOWN_VALUES = 8;

/** How the images without a value are named, where a draft leaves out a value a file recorded (see draftedAcquisition). */
const NONE: Readonly<Record<string, string>> = {
  'Z step': 'none (one plane, or not recorded)',
  Interval: 'none (one time point, or not recorded)',
};

/** `63×/1.40 Oil: 118 of 122 images; 20×/0.80 Air: 4 of 122 images`, and how many of the `images` recorded none. */
function aspectText(aspect: AcquisitionAspect, images: number): string {
  const shown = aspect.values
    .slice(0, SHOWN_VALUES)
    .map((v) => `${markdownText(v.value)}: ${ofImages(v.count, images)}`);
  const rest = aspect.values.length - shown.length;
  const more = rest > 0 ? `; and ${plural(rest, 'other value')}` : '';
  const none =
    aspect.unknown > 0 ? `; ${NONE[aspect.label] ?? 'not recorded'}: ${ofImages(aspect.unknown, images)}` : '';
  return `${shown.join('; ')}${more}${none}`;
}

/** What a person must say where no file recorded an aspect, by the aspect's label. */
const ASK: Readonly<Record<string, string>> = {
  Instrument:
    'microscope manufacturer and model, confocal type (point scanning, spinning disk, ...), detector or camera.',
  Objective: 'magnification, numerical aperture (NA), immersion.',
  Channels:
    'per channel: the dye, antibody or fluorescent protein, excitation and emission wavelengths (or an `acqmeta.channels.csv` channel table).',
};

/**
 * What a draft says of a row's acquisition: its z step only for an image of more than one z
 * plane and its interval only for one of more than one time point, as its header gives them (a
 * single plane's file may still record both, as ImageJ's `finterval` or CZI's Scaling Z); all
 * of it when the header is unknown.
 */
function draftedAcquisition(row: ImageRow): Acquisition | undefined {
  const { acquisition, header } = row;
  if (acquisition === undefined || header === null) return acquisition;
  const { z, ...lateral } = acquisition.pixel_size_um ?? {};
  return {
    ...acquisition,
    pixel_size_um: z !== undefined && hasManyAlong(header, 'Z') ? acquisition.pixel_size_um : lateral,
    time_increment_s: hasManyAlong(header, 'T') ? acquisition.time_increment_s : undefined,
  };
}

/** The aspects of the images' acquisitions as the drafts give them, counted (see tallyAcquisitions). */
export function readmeAspects(rows: readonly ImageRow[]): AcquisitionAspect[] {
  return tallyAcquisitions(rows.map(draftedAcquisition));
}

/** The "How the images were taken" section: one line per aspect some file recorded; empty when none did. */
export function acquisitionSection(aspects: readonly AcquisitionAspect[], images: number): string[] {
  if (aspects.length === 0) return [];
  return [
    '## How the images were taken',
    '',
    `As recorded by the microscope in the image files (${plural(images, 'image')}); check them against your notes.`,
    '',
    ...aspects.map((aspect) => `- **${aspect.label}:** ${aspectText(aspect, images)}.`),
  ];
}

/** The hand-filled lines about the instrument, objective and probes: only for what no file recorded. */
export function acquisitionTodos(aspects: readonly AcquisitionAspect[]): string[] {
  const known = new Set(aspects.map((aspect) => aspect.label));
  return Object.entries(ASK)
    .filter(([label]) => !known.has(label))
    .map(([label, ask]) => `- **${label === 'Channels' ? 'Probes and labels' : label}:** ${TODO} ${ask}`);
}
