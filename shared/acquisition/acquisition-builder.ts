/**
 * Fills the acquisition model from a vendor file's metadata, one value at a time, keeping the
 * place each value came from. Values that are missing, empty or not finite are left out, so
 * "unknown" stays absent and nothing is guessed.
 */
import type { Acquisition, AcquisitionChannel, AcquisitionFlavour, AcquisitionSource } from './acquisition-types';
import { cleanNumber } from '../number-text';
import { channelKey, groupKey } from './model-keys';

type Value = string | number | undefined;

/** Most channels listed: a file that claims more (a hostile count) lists none. */
const MAX_CHANNELS = 4096;

/** Most problems noted for one flavour of one file. */
const MAX_PROBLEMS = 8;

/** The model's leaf keys that one call may set. */
type Group = 'instrument' | 'objective' | 'pixel_size_um' | 'storage';
type TopKey = 'time_increment_s' | 'acquired_at' | 'software' | 'written_by';

/**
 * `value` as the model keeps it: a text trimmed, a number without the float noise of the text it
 * was read from (a CZI's NA `1.4000000000000001` is 1.4, an ND2's float32 widened is as written);
 * undefined when it is missing, empty or not finite.
 */
function kept(value: Value): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? cleanNumber(value) : undefined;
  if (value === undefined) return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** Collects one file's acquisition values and where each came from. */
export class AcquisitionBuilder {
  private readonly result: Acquisition;
  private readonly origins: Record<string, AcquisitionSource> = {};
  private readonly channels: AcquisitionChannel[] = [];
  private readonly problems: string[] = [];
  private known = false;

  constructor(private readonly flavour: AcquisitionFlavour) {
    this.result = { sources: [flavour] };
  }

  /** Sets `group.field` (e.g. `objective`, `na`) when the value is known; `key` names its origin. */
  group(group: Group, field: string, value: Value, key: string): void {
    const model = kept(value);
    if (model === undefined) return;
    const target = (this.result[group] ??= {}) as Record<string, string | number>;
    target[field] = model;
    this.origin(groupKey(group, field), key);
  }

  /** Sets a top-level value (time increment, acquisition date, software, the program that wrote the file). */
  top(field: TopKey, value: Value, key: string): void {
    const model = kept(value);
    if (model === undefined) return;
    (this.result as unknown as Record<string, string | number>)[field] = model;
    this.origin(field, key);
  }

  /** Declares that the image has `count` channels (each may stay empty); none past {@link MAX_CHANNELS}. */
  channelCount(count: number): void {
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_CHANNELS) return;
    this.channels.length = Math.min(this.channels.length, count);
    while (this.channels.length < count) this.channels.push({});
  }

  /** Sets one field of channel `index` (a channel past the declared count is ignored). */
  channel(index: number, field: keyof AcquisitionChannel, value: Value, key: string): void {
    const channel = this.channels[index];
    if (channel === undefined) return;
    const model = kept(value);
    if (model === undefined) return;
    (channel as Record<string, string | number>)[field] = model;
    this.origin(channelKey(index, field), key);
  }

  private origin(modelKey: string, key: string): void {
    this.origins[modelKey] = { flavour: this.flavour, key };
    this.known = true;
  }

  /** Notes what could not be read (the value concerned stays absent). */
  problem(message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(message);
  }

  /**
   * The model: channels only when one of them is known, origins and problems only when there
   * are any. It is built once, at the end: the builder hands over its objects, not copies.
   */
  build(): Acquisition {
    const out = this.result;
    if (this.problems.length > 0) out.problems = this.problems;
    if (this.channels.some((c) => Object.keys(c).length > 0)) out.channels = this.channels;
    if (this.known) out.origins = this.origins;
    return out;
  }
}
