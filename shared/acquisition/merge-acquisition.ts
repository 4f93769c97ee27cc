/**
 * One acquisition from the several flavours a file carries. Flavours come in order of
 * precedence (the most specific first): a value is taken from the first flavour that has it,
 * and a later flavour that gives another value for the same key is listed as a disagreement,
 * never dropped silently nor preferred.
 */
import type { Acquisition, AcquisitionChannel, AcquisitionDisagreement, AcquisitionSource } from './acquisition-types';

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

/** Every leaf value of an acquisition by its dotted key (`objective.na`, `channels.0.name`). */
function leaves(acquisition: Acquisition): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const add = (prefix: string, group: object | undefined): void => {
    for (const [field, value] of Object.entries(group ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') out.set(`${prefix}${field}`, value);
    }
  };
  add('instrument.', acquisition.instrument);
  add('objective.', acquisition.objective);
  add('pixel_size_um.', acquisition.pixel_size_um);
  add('', {
    time_increment_s: acquisition.time_increment_s,
    acquired_at: acquisition.acquired_at,
    software: acquisition.software,
  });
  acquisition.channels?.forEach((channel, i) => add(`channels.${i}.`, channel));
  return out;
}

/** Sets a dotted key's value in `target`. */
function setLeaf(target: Acquisition, key: string, value: Leaf, channelCount: number): void {
  const parts = key.split('.');
  if (parts[0] === 'channels') {
    const index = Number(parts[1]);
    if (index >= channelCount) return;
    const channels = (target.channels ??= Array.from({ length: channelCount }, () => ({}) as AcquisitionChannel));
    (channels[index] as Record<string, Leaf>)[parts[2] as string] = value;
    return;
  }
  if (parts.length === 1) {
    (target as unknown as Record<string, Leaf>)[key] = value;
    return;
  }
  const record = target as unknown as Record<string, Record<string, Leaf>>;
  (record[parts[0] as string] ??= {})[parts[1] as string] = value;
}

type Taken = { value: Leaf; source: AcquisitionSource };

function flavourOf(part: Acquisition): AcquisitionSource['flavour'] {
  return part.sources[0] ?? 'tiff';
}

/** The origin of a key in one flavour's acquisition (a flavour's builder always records one). */
function originOf(part: Acquisition, key: string): AcquisitionSource {
  return part.origins?.[key] ?? { flavour: flavourOf(part), key };
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
  const merged: Acquisition = { sources: [] };
  const taken = new Map<string, { value: Leaf; source: AcquisitionSource }>();
  const disagreements = new Map<string, AcquisitionDisagreement>();
  const problems: string[] = [];
  let channels: { value: number; source: AcquisitionSource } | null = null;
  const disagree = (key: string, first: Taken, other: Taken): void => {
    const entry = disagreements.get(key) ?? { key, values: [first] };
    entry.values.push(other);
    disagreements.set(key, entry);
  };
  for (const part of parts) {
    for (const source of part.sources) if (!merged.sources.includes(source)) merged.sources.push(source);
    problems.push(...(part.problems ?? []));
    const count = part.channels?.length;
    const listed = count === undefined ? null : { value: count, source: { flavour: flavourOf(part), key: 'channels' } };
    if (listed !== null && channels === null) channels = listed;
    else if (listed !== null && channels !== null && listed.value !== channels.value)
      disagree('channels.length', channels, listed);
    for (const [key, value] of leaves(part)) {
      if (key.startsWith('channels.') && count !== channels?.value) continue;
      const source = originOf(part, key);
      const known = taken.get(key);
      if (known === undefined) {
        taken.set(key, { value, source });
        setLeaf(merged, key, value, channels?.value ?? 0);
      } else if (!same(known.value, value, key)) disagree(key, known, { value, source });
    }
  }
  if (taken.size === 0 && problems.length === 0) return undefined;
  if (taken.size > 0) merged.origins = Object.fromEntries([...taken].map(([key, { source }]) => [key, source]));
  if (disagreements.size > 0) merged.disagreements = [...disagreements.values()];
  if (problems.length > 0) merged.problems = problems;
  return merged;
}
