/**
 * Lab-profile methods: getProfiles (what is in force, for forms and the toolbar) and
 * checkValues (the problems of values as typed, by the same checks as the command line).
 */
import path from 'node:path';
import type { ApiHandlers, ProfileInfo, ProfileProblem } from '../../../shared/api';
import { checkValues } from '../../../shared/profile';
import { isInside } from '../folder/inside';
import { listImages } from '../folder/list-images';
import { folderProblems, sidecarValues, type LoadedProfile, type ProfileFinder } from '../profile';
import { readEntrySidecar } from '../rows/image-row';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { resolveImage } from './confine';

async function profileInfo(loaded: LoadedProfile, finder: ProfileFinder, root: string): Promise<ProfileInfo> {
  const { profile } = loaded;
  const compiled = profile.compiled;
  const folder = compiled?.folder ?? null;
  return {
    source: profile.source,
    folder: finder.label(loaded.dir),
    title: profile.title,
    description: profile.description,
    applied: compiled !== null,
    problems: [...profile.problems],
    fields: compiled === null ? [] : [...compiled.fields],
    folderRules: folder === null ? [] : folder.rules.map(({ pattern, required, description }) => ({ pattern, required, description })),
    folderClosed: folder?.closed ?? false,
    // Rules of a profile above the open folder are about a larger folder than the one open.
    folderProblems: isInside(root, loaded.dir) ? await folderProblems(loaded, loaded.dir, finder) : [],
  };
}

/** Handlers of the lab-profile methods. */
export function profileHandlers(context: BackendContext): Pick<ApiHandlers, 'getProfiles' | 'checkValues'> {
  return {
    async getProfiles() {
      const folder = requireFolder(context);
      const finder = profileFinder(context, folder);
      const folders = new Set([folder.root]);
      for await (const entry of listImages(folder.root)) folders.add(path.dirname(entry.absPath));
      const found = new Map<string, LoadedProfile>();
      for (const dir of folders) {
        const loaded = await finder.forFolder(dir);
        if (loaded !== null) found.set(loaded.absPath, loaded);
      }
      return Promise.all([...found.values()].map((loaded) => profileInfo(loaded, finder, folder.root)));
    },
    async checkValues(request) {
      const folder = requireFolder(context);
      const finder = profileFinder(context, folder);
      const results: { path: string; problems: ProfileProblem[] }[] = [];
      for (const item of request.items) {
        const entry = await resolveImage(folder, item.path);
        const [read, loaded] = await Promise.all([readEntrySidecar(folder.root, entry), finder.forImage(entry.absPath)]);
        // An invalid sidecar cannot be saved: its own problems are what the user must fix first.
        const problems =
          read.state === 'invalid'
            ? read.problems.map((message): ProfileProblem => ({ field: null, rule: 'sidecar', message }))
            : checkValues(sidecarValues(read) ?? {}, item.values, loaded?.profile.compiled ?? null);
        results.push({ path: item.path, problems });
      }
      return results;
    },
  };
}
