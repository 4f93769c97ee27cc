/**
 * `set` and `import` refuse values that break the lab profile in force: checked for every
 * image before anything is written.
 */
import type { FieldValues } from '../../shared/fields/field-table';
import type { ImageEntry } from '../services/folder/list-images';
import { mapInOrder } from '../services/rows/map-in-order';
import { createProfileChecker } from '../services/profile';

/** Images listed by name in one refusal before the rest are counted. */
const NAMED = 3;

/**
 * Every refusal for setting `changes` on `entries`, under the profile in force of each; a
 * problem shared by many images is one line naming a few of them (`a.tif, b.tif and 8 more: ...`).
 */
export async function profileRefusals(entries: readonly ImageEntry[], changes: FieldValues, cwd: string): Promise<string[]> {
  const check = createProfileChecker({ root: cwd });
  const byMessage = new Map<string, string[]>();
  const refusals = async (entry: ImageEntry) => ({ entry, messages: await check(entry.absPath, changes) });
  for await (const { entry, messages } of mapInOrder(entries, 16, refusals)) {
    for (const message of messages) byMessage.set(message, [...(byMessage.get(message) ?? []), entry.relPath]);
  }
  return [...byMessage].map(([message, paths]) => {
    const named = paths.slice(0, NAMED).join(', ');
    const more = paths.length > NAMED ? ` and ${paths.length - NAMED} more` : '';
    return `${named}${more}: ${message}`;
  });
}
