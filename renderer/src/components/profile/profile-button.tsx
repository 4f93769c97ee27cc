/**
 * The toolbar's one lab-profile control: it names the profile in force (its file on hover;
 * "2 lab profiles" when subfolders have their own; a warning when the file cannot be used)
 * and opens the Completeness view.
 */
import type { ProfileInfo } from '../../../../shared/api';
import { useApp, useAppStore } from '../../store/store-context';

/** What the button says about the profiles in force. */
export interface ProfileSummary {
  label: string;
  /** The hover text: which file, from where. */
  title: string;
  tone: 'none' | 'ok' | 'broken';
}

/** The name of a profile as a person reads it: its title, else its file. */
export function profileName(profile: ProfileInfo): string {
  return profile.title ?? profile.source;
}

/** How the toolbar sums up the profiles in force. */
export function profileSummary(profiles: readonly ProfileInfo[] | null): ProfileSummary {
  if (profiles === null || profiles.length === 0) {
    return { label: 'Completeness', title: 'No lab profile (acqmeta.profile.json) is in force in this folder. Open the Completeness view.', tone: 'none' };
  }
  const broken = profiles.filter((p) => !p.applied);
  const files = profiles.map((p) => `${p.source}${p.title === null ? '' : ` (${p.title})`}${p.applied ? '' : ': cannot be used'}`).join('\n');
  if (profiles.length > 1) {
    return { label: `${profiles.length} lab profiles`, title: `Lab profiles in force in subfolders:\n${files}\nOpen the Completeness view.`, tone: broken.length > 0 ? 'broken' : 'ok' };
  }
  const [profile] = profiles as [ProfileInfo];
  if (!profile.applied) return { label: 'Profile cannot be used', title: `${files}\nOpen the Completeness view to see why.`, tone: 'broken' };
  return { label: profileName(profile), title: `Lab profile in force: ${files}\nOpen the Completeness view.`, tone: 'ok' };
}

/** The button; its accessible name starts with "Completeness". */
export function ProfileButton() {
  const store = useAppStore();
  const profiles = useApp((s) => s.profiles);
  const open = useApp((s) => s.completenessOpen);
  const summary = profileSummary(profiles);
  return (
    <button
      type="button"
      className={`btn profile-button profile-${summary.tone}`}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-label={summary.tone === 'none' ? 'Completeness' : `Completeness, lab profile: ${summary.label}`}
      title={summary.title}
      onClick={() => store.getState().openCompleteness()}
    >
      <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M5 2.5h6M4 3.5H2.5v10.5h11V3.5H12" />
        <path d="M5.5 8.5l1.8 1.8L11 6.6" />
      </svg>
      <span className="profile-button-label">{summary.label}</span>
    </button>
  );
}
