/**
 * Lab-profile methods: getProfiles (what is in force, for forms and the toolbar) and
 * checkValues (the problems of values as typed, by the same checks as the command line).
 */
import type { ApiHandlers, ProfileProblem, ValuesChecked, ValuesToCheck } from '../../../shared/api';
import { checkValues } from '../../../shared/profile';
import { profilesUnder, sidecarValues, type ProfileFinder } from '../profile';
import { mapInOrder, readEntrySidecar } from '../rows';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { resolveImage, type OpenFolder } from '../folder';

/** Images checked at once. */
const IN_FLIGHT = 32;

async function checkOne(folder: OpenFolder, finder: ProfileFinder, item: ValuesToCheck): Promise<ValuesChecked> {
  const entry = await resolveImage(folder, item.path);
  const [read, loaded] = await Promise.all([readEntrySidecar(folder.root, entry), finder.forImage(entry.absPath)]);
  // An invalid sidecar cannot be saved: its own problems are what the user must fix first.
  const problems =
    read.state === 'invalid'
      ? read.problems.map((message): ProfileProblem => ({ field: null, rule: 'sidecar', message }))
      : checkValues(sidecarValues(read) ?? {}, item.values, loaded?.profile.compiled ?? null);
  return { path: item.path, problems, profile: loaded?.profile.source ?? null };
}

/** Handlers of the lab-profile methods. */
export function profileHandlers(context: BackendContext): Pick<ApiHandlers, 'getProfiles' | 'checkValues'> {
  return {
    async getProfiles() {
      const folder = requireFolder(context);
      return profilesUnder(folder.root, profileFinder(context, folder), context.imageFolders.known(folder.root));
    },
    async checkValues(request) {
      const folder = requireFolder(context);
      const finder = profileFinder(context, folder);
      const results: ValuesChecked[] = [];
      for await (const checked of mapInOrder(request.items, IN_FLIGHT, (item) => checkOne(folder, finder, item)))
        results.push(checked);
      return results;
    },
  };
}
