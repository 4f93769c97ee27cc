/**
 * The dotted keys of the model's values (`objective.na`, `channels.1.name`) that origins and
 * disagreements are keyed by. Every file names the same few, so each key is made once and
 * reused rather than built anew for every value of every file.
 */

/** Channels whose keys are kept once made (the keys of channels past them are made each time). */
const KEPT_CHANNELS = 64;

const groupKeys = new Map<string, Map<string, string>>();
const channelKeys: Map<string, string>[] = [];

/** The key of a field of a group of values: `objective.na`. */
export function groupKey(group: string, field: string): string {
  let keys = groupKeys.get(group);
  if (keys === undefined) groupKeys.set(group, (keys = new Map()));
  let key = keys.get(field);
  if (key === undefined) keys.set(field, (key = `${group}.${field}`));
  return key;
}

/** The key of a field of channel `index` (an array index): `channels.1.name`. */
export function channelKey(index: number, field: string): string {
  if (index >= KEPT_CHANNELS) return `channels.${index}.${field}`;
  const keys = (channelKeys[index] ??= new Map());
  let key = keys.get(field);
  if (key === undefined) keys.set(field, (key = `channels.${index}.${field}`));
  return key;
}
