/**
 * What one value of a group summary stands for. The ROIs of one image are not independent
 * samples, nor are the images of one animal: averaging per image, or per image and then per
 * animal, before n, mean, median and SD counts each image or animal once.
 */
import type { GroupedValue } from './group-summary';

/** The sample units a summary can count, finest first. */
export const SAMPLE_UNITS = ['roi', 'image', 'animal'] as const;

/** What one value of a group summary is: an ROI's record, an image's mean, an animal's mean. */
export type SampleUnit = (typeof SAMPLE_UNITS)[number];

/** One analysis record's value, with the group, image and animal it belongs to. */
export interface Measurement {
  group: string;
  /** The image the value was measured on (its path). */
  image: string;
  /** The animal the image shows; `''` when the image names none. */
  animal: string;
  value: number;
}

/** The values to summarize, one per sample unit, and what was left out on the way. */
export interface SampleValues {
  values: GroupedValue[];
  /** Records left out because their value is NaN or infinite (before any averaging). */
  notFinite: number;
  /** Images left out of the animals' means because they name no animal (`animal` only). */
  withoutAnimal: number;
}

/** The mean of each list of values, keyed as the lists are. */
function meansOf<T>(lists: ReadonlyMap<string, { key: T; values: number[] }>): { key: T; mean: number }[] {
  return [...lists.values()].map(({ key, values }) => ({
    key,
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
  }));
}

/** Values collected per key (insertion order), each list remembering what its key stands for. */
function collect<T>(items: Iterable<{ id: string; key: T; value: number }>): Map<string, { key: T; values: number[] }> {
  const lists = new Map<string, { key: T; values: number[] }>();
  for (const { id, key, value } of items) {
    const list = lists.get(id);
    if (list) list.values.push(value);
    else lists.set(id, { key, values: [value] });
  }
  return lists;
}

/**
 * The values a group summary pools at `unit`: every finite record (`roi`); the mean of each
 * image's finite records (`image`); or the mean of each animal's image means, an animal's
 * images within one group only (`animal`), each image weighing the same whatever its number of
 * ROIs. An image whose records are all NaN has no mean and drops out.
 */
export function sampleValues(measurements: Iterable<Measurement>, unit: SampleUnit): SampleValues {
  const finite: Measurement[] = [];
  let notFinite = 0;
  for (const m of measurements) {
    if (Number.isFinite(m.value)) finite.push(m);
    else notFinite++;
  }
  if (unit === 'roi')
    return { values: finite.map(({ group, value }) => ({ group, value })), notFinite, withoutAnimal: 0 };

  const images = meansOf(
    collect(finite.map((m) => ({ id: JSON.stringify([m.group, m.image]), key: m, value: m.value }))),
  );
  if (unit === 'image')
    return { values: images.map(({ key, mean }) => ({ group: key.group, value: mean })), notFinite, withoutAnimal: 0 };

  const named = images.filter(({ key }) => key.animal !== '');
  const animals = meansOf(
    collect(named.map(({ key, mean }) => ({ id: JSON.stringify([key.group, key.animal]), key, value: mean }))),
  );
  return {
    values: animals.map(({ key, mean }) => ({ group: key.group, value: mean })),
    notFinite,
    withoutAnimal: images.length - named.length,
  };
}
