/** The submission target in force for a folder: the `x-target` of the lab profile in force for it. */
import { resolveTarget, type SubmissionTarget } from '../../../shared/submission';
import type { ProfileFinder } from './profile-finder';

/** The target a folder's profile names and that profile's file as messages name it. */
export interface TargetInForce {
  readonly target: SubmissionTarget;
  readonly profile: string;
}

/** The target of the profile in force for the folder `dir` (`--profile`'s when one is given); null when it names none. */
export async function targetInForce(finder: ProfileFinder, dir: string): Promise<TargetInForce | null> {
  const loaded = await finder.forFolder(dir);
  const name = loaded?.profile.compiled?.target ?? null;
  const target = name === null ? null : resolveTarget(name);
  return loaded === null || target === null ? null : { target, profile: loaded.profile.source };
}
