/**
 * `set` and `import` refuse values that break the lab profile in force: checked for every
 * image before anything is written.
 */
import type { FieldValues } from '../../shared/fields/field-table';
import type { ImageEntry } from '../services/folder';
import { profileRefusals, type ProfileFinder } from '../services/profile';
import { mapInOrder } from '../services/rows';

/** Images listed by name in one refusal before the rest are counted. */
const NAMED = 3;

/**
 * Every refusal for setting each item's `changes` on its image, under the profile in force
 * of each; a problem shared by many images is one line naming a few of them
 * (`a.tif, b.tif and 8 more: ...`).
 */
export async function refusalsForEveryImage(
  items: readonly { entry: ImageEntry; changes: FieldValues }[],
  profiles: ProfileFinder,
): Promise<string[]> {
  const byMessage = new Map<string, string[]>();
  const refusals = async ({ entry, changes }: (typeof items)[number]) => ({
    entry,
    problems: await profileRefusals(profiles, entry.absPath, changes),
  });
  for await (const { entry, problems } of mapInOrder(items, 16, refusals)) {
    for (const { message } of problems) byMessage.set(message, [...(byMessage.get(message) ?? []), entry.relPath]);
  }
  return [...byMessage].map(([message, paths]) => {
    const named = paths.slice(0, NAMED).join(', ');
    const more = paths.length > NAMED ? ` and ${paths.length - NAMED} more` : '';
    return `${named}${more}: ${message}`;
  });
}
