/** How the app names the lab profiles in force: what follows "Completeness" on the toolbar button, its tone and hover text. */
import type { ProfileInfo, ProfileTarget } from '../../../shared/api';

/** What the button says about the profiles in force. */
export interface ProfileSummary {
  /** The profile's name (or how many there are, or that it cannot be used); null when none is in force. */
  label: string | null;
  /** The hover text: which file, from where. */
  title: string;
  tone: 'none' | 'ok' | 'broken';
}

/** The name of a profile as a person reads it: its title, else its file. */
export function profileName(profile: ProfileInfo): string {
  return profile.title ?? profile.source;
}

/** Whether a profile lies in a parent of the folder opened (its source is then absolute). */
const isAbove = (profile: ProfileInfo): boolean =>
  profile.source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(profile.source);

/** Where a profile applies: the folder opened, a subfolder, or a parent of the folder opened. */
export function profileWhere(profile: ProfileInfo): string {
  if (profile.folder === '') return 'in the folder opened';
  return isAbove(profile) ? 'in a parent of the folder opened' : `for the images under ${profile.folder}/`;
}

/** The submission target of the profile in force for the folder opened (its own, else a parent's), or null. */
export function folderTarget(profiles: readonly ProfileInfo[] | null): ProfileTarget | null {
  const inForce = profiles?.find((p) => p.folder === '') ?? profiles?.find(isAbove);
  return inForce?.target ?? null;
}

/** How the toolbar sums up the profiles in force. */
export function profileSummary(profiles: readonly ProfileInfo[] | null): ProfileSummary {
  if (profiles === null || profiles.length === 0) {
    return {
      label: null,
      title: 'No lab profile (acqmeta.profile.json) is in force in this folder. Open the Completeness view.',
      tone: 'none',
    };
  }
  const broken = profiles.filter((p) => !p.applied);
  const files = profiles
    .map(
      (p) =>
        `${p.source}${p.title === null ? '' : ` (${p.title})`}, ${profileWhere(p)}${p.applied ? '' : ': cannot be used'}`,
    )
    .join('\n');
  if (profiles.length > 1) {
    return {
      label: `${profiles.length} lab profiles`,
      title: `Lab profiles in force in subfolders:\n${files}\nOpen the Completeness view.`,
      tone: broken.length > 0 ? 'broken' : 'ok',
    };
  }
  const [profile] = profiles as [ProfileInfo];
  if (!profile.applied)
    return {
      label: 'Profile cannot be used',
      title: `${files}\nOpen the Completeness view to see why.`,
      tone: 'broken',
    };
  return {
    label: profileName(profile),
    title: `Lab profile in force: ${files}\nOpen the Completeness view.`,
    tone: 'ok',
  };
}
