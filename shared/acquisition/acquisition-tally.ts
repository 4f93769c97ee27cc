/**
 * What a set of images was taken with, counted: for a selection in the editor and for the
 * dataset readme ("63×/1.40 Oil: 118 images; 20×/0.80 Air: 4 images"). Pure.
 */
import {
  channelsText,
  instrumentText,
  intervalText,
  objectiveText,
  pixelSizeText,
  recordedNumber,
} from './acquisition-text';
import type { Acquisition } from './acquisition-types';

/** One value and how many images have it. */
export interface TalliedValue {
  value: string;
  count: number;
}

/** One aspect of the acquisition (objective, channels, ...) over a set of images. */
export interface AcquisitionAspect {
  label: string;
  /** Distinct values, most images first (ties in text order). */
  values: TalliedValue[];
  /** Images that recorded nothing for this aspect. */
  unknown: number;
}

/** The aspects counted, each as the words one image's acquisition gives it ('' when unknown), numbers as recorded. */
const ASPECTS: readonly { label: string; text: (a: Acquisition) => string }[] = [
  { label: 'Instrument', text: instrumentText },
  { label: 'Objective', text: (a) => objectiveText(a.objective) },
  { label: 'Channels', text: (a) => channelsText(a.channels) },
  { label: 'Pixel size', text: (a) => pixelSizeText(a.pixel_size_um, recordedNumber) },
  {
    label: 'Z step',
    text: (a) => (a.pixel_size_um?.z === undefined ? '' : `${recordedNumber(a.pixel_size_um.z)} µm`),
  },
  { label: 'Interval', text: (a) => intervalText(a.time_increment_s, recordedNumber) },
  { label: 'Software', text: (a) => a.software ?? '' },
  { label: 'Converted with', text: (a) => a.written_by ?? '' },
];

/** The aspect `label` of images whose values are `texts` ('' where an image has none), counted. */
export function tallyTexts(label: string, texts: readonly string[]): AcquisitionAspect {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const value of texts) {
    if (value === '') unknown++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const values = [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { label, values, unknown };
}

/** Counts each aspect's values over `acquisitions` (undefined: an image with no acquisition read); aspects no image recorded are left out. */
export function tallyAcquisitions(acquisitions: readonly (Acquisition | undefined)[]): AcquisitionAspect[] {
  return ASPECTS.map(({ label, text }) =>
    tallyTexts(
      label,
      acquisitions.map((acquisition) => (acquisition === undefined ? '' : text(acquisition))),
    ),
  ).filter((aspect) => aspect.values.length > 0);
}
