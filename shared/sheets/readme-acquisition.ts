/**
 * The readme's account of how the images were taken, from what the files themselves recorded
 * (instrument, objective, channels, pixel size, z step, interval), with the number of images
 * behind each value; and the places left for a person where no file tells. Pure.
 */
import { tallyAcquisitions, type AcquisitionAspect } from '../acquisition/acquisition-tally';
import type { ImageRow } from '../api';
import { markdownText, plural, TODO } from './markdown-text';

/** Values listed per aspect before the rest are counted. */
const SHOWN_VALUES = 8;

/** `63×/1.40 Oil: 118 images; 20×/0.80 Air: 4 images`, and how many images recorded none. */
export function aspectText(aspect: AcquisitionAspect): string {
  const shown = aspect.values
    .slice(0, SHOWN_VALUES)
    .map((v) => `${markdownText(v.value)}: ${plural(v.count, 'image')}`);
  const rest = aspect.values.length - shown.length;
  const more = rest > 0 ? `; and ${rest} other values` : '';
  const none = aspect.unknown > 0 ? `; not recorded: ${plural(aspect.unknown, 'image')}` : '';
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

/** The aspects of the images' acquisitions, counted (see tallyAcquisitions). */
export function readmeAspects(rows: readonly ImageRow[]): AcquisitionAspect[] {
  return tallyAcquisitions(rows.map((row) => row.acquisition));
}

/** The "How the images were taken" section: one line per aspect some file recorded; empty when none did. */
export function acquisitionSection(aspects: readonly AcquisitionAspect[], images: number): string[] {
  if (aspects.length === 0) return [];
  return [
    '## How the images were taken',
    '',
    `As recorded by the microscope in the image files (${plural(images, 'image')}); check them against your notes.`,
    '',
    ...aspects.map((aspect) => `- **${aspect.label}:** ${aspectText(aspect)}.`),
  ];
}

/** The hand-filled lines about the instrument, objective and probes: only for what no file recorded. */
export function acquisitionTodos(aspects: readonly AcquisitionAspect[]): string[] {
  const known = new Set(aspects.map((aspect) => aspect.label));
  return Object.entries(ASK)
    .filter(([label]) => !known.has(label))
    .map(([label, ask]) => `- **${label === 'Channels' ? 'Probes and labels' : label}:** ${TODO} ${ask}`);
}
