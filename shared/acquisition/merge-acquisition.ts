/**
 * One acquisition from the several flavours a file carries. Flavours come in order of
 * precedence (the most specific first): a value is taken from the first flavour that has it,
 * and a later flavour that gives another value for the same key is listed as a disagreement,
 * never dropped silently nor preferred.
 */
import type { Acquisition, AcquisitionChannel, AcquisitionDisagreement, AcquisitionSource } from './acquisition-types';
import { channelKey, groupKey } from './model-keys';

/** Numbers closer than this (relative) are the same value written with other rounding or units. */
const SAME_NUMBER = 1e-4;

type Leaf = string | number;

function same(a: Leaf, b: Leaf, key: string): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= SAME_NUMBER * Math.max(Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') {
    // dates agree to the second: one flavour may add a fraction or an offset the other lacks
    if (key === 'acquired_at') return a.slice(0, 19) === b.slice(0, 19);
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  }
  return false;
}

type Taken = { value: Leaf; source: AcquisitionSource };

/** The merge so far: the values taken and their origins (in the order taken), the disagreements. */
interface Merge {
  merged: Acquisition;
  taken: Map<string, Taken>;
  origins: Record<string, AcquisitionSource>;
  disagreements: Map<string, AcquisitionDisagreement>;
}

type Group = 'instrument' | 'objective' | 'pixel_size_um' | 'storage';
type Top = 'time_increment_s' | 'acquired_at' | 'software' | 'written_by';

const GROUPS: readonly Group[] = ['instrument', 'objective', 'pixel_size_um', 'storage'];
const TOPS: readonly Top[] = ['time_increment_s', 'acquired_at', 'software', 'written_by'];

function isLeaf(value: unknown): value is Leaf {
  return typeof value === 'string' || typeof value === 'number';
}

function flavourOf(part: Acquisition): AcquisitionSource['flavour'] {
  return part.sources[0] ?? 'tiff';
}

/** The origin of a key in one flavour's acquisition (a flavour's builder always records one). */
function originOf(part: Acquisition, key: string): AcquisitionSource {
  return part.origins?.[key] ?? { flavour: flavourOf(part), key };
}

function disagree(merge: Merge, key: string, first: Taken, other: Taken): void {
  const entry = merge.disagreements.get(key) ?? { key, values: [first] };
  entry.values.push(other);
  merge.disagreements.set(key, entry);
}

/** Whether `part`'s value for `key` is the first one given (to be set); a later other value is a disagreement. */
function take(merge: Merge, part: Acquisition, key: string, value: Leaf): boolean {
  const source = originOf(part, key);
  const known = merge.taken.get(key);
  if (known === undefined) {
    merge.taken.set(key, { value, source });
    merge.origins[key] = source;
    return true;
  }
  if (!same(known.value, value, key)) disagree(merge, key, known, { value, source });
  return false;
}

/** Takes a part's leaf values (channels aside) in the model's order: the groups, then the top-level values. */
function mergeValues(merge: Merge, part: Acquisition): void {
  for (const group of GROUPS) {
    const values = part[group];
    if (values === undefined) continue;
    for (const [field, value] of Object.entries(values)) {
      if (isLeaf(value) && take(merge, part, groupKey(group, field), value))
        ((merge.merged[group] ??= {}) as Record<string, Leaf>)[field] = value;
    }
  }
  for (const field of TOPS) {
    const value = part[field];
    if (isLeaf(value) && take(merge, part, field, value)) (merge.merged as Record<Top, Leaf>)[field] = value;
  }
}

/** Takes the fields of a part's channels (as many as the merge's). */
function mergeChannels(merge: Merge, channels: readonly AcquisitionChannel[], part: Acquisition): void {
  const count = channels.length;
  channels.forEach((channel, i) => {
    for (const [field, value] of Object.entries(channel)) {
      if (!isLeaf(value) || !take(merge, part, channelKey(i, field), value)) continue;
      const merged = (merge.merged.channels ??= Array.from({ length: count }, () => ({}) as AcquisitionChannel));
      (merged[i] as Record<string, Leaf>)[field] = value;
    }
  });
}

/**
 * Merges the acquisitions of a file's flavours, first ones first; undefined when none of them
 * holds a value or a problem. Channels come from the first flavour that lists any; a later
 * flavour with as many channels fills the fields it lacks, one with another count is a
 * disagreement on `channels.length`.
 */
export function mergeAcquisitions(parts: readonly Acquisition[]): Acquisition | undefined {
  // one flavour: nothing to merge (most files)
  if (parts.length === 1) {
    const only = parts[0] as Acquisition;
    return only.origins === undefined && only.problems === undefined ? undefined : only;
  }
  const merge: Merge = { merged: { sources: [] }, taken: new Map(), origins: {}, disagreements: new Map() };
  const { merged } = merge;
  const problems: string[] = [];
  let channels: Taken | null = null;
  for (const part of parts) {
    for (const source of part.sources) if (!merged.sources.includes(source)) merged.sources.push(source);
    if (part.problems !== undefined) problems.push(...part.problems);
    const listed = part.channels;
    const count: Taken | null =
      listed === undefined ? null : { value: listed.length, source: { flavour: flavourOf(part), key: 'channels' } };
    if (count !== null && channels === null) channels = count;
    else if (count !== null && channels !== null && count.value !== channels.value)
      disagree(merge, 'channels.length', channels, count);
    mergeValues(merge, part);
    if (listed !== undefined && listed.length === channels?.value) mergeChannels(merge, listed, part);
  }
  if (merge.taken.size === 0 && problems.length === 0) return undefined;
  if (merge.taken.size > 0) merged.origins = merge.origins;
  if (merge.disagreements.size > 0) merged.disagreements = [...merge.disagreements.values()];
  if (problems.length > 0) merged.problems = problems;
  return merged;
}
