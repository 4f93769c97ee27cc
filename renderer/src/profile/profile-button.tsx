/**
 * The toolbar's one lab-profile control: "Completeness", followed by the profile in force (its
 * file on hover; "2 lab profiles" when subfolders have their own; a warning when the file cannot
 * be used), and opens the Completeness view.
 */
import { useApp, useAppStore } from '../store';
import { profileSummary } from './profile-summary';

/** The button; its accessible name is what it shows (`Completeness: Vascular imaging lab`), its description the hover text. */
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
      aria-label={summary.label === null ? 'Completeness' : `Completeness: ${summary.label}`}
      title={summary.title}
      onClick={() => store.getState().openCompleteness()}
    >
      <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M5 2.5h6M4 3.5H2.5v10.5h11V3.5H12" />
        <path d="M5.5 8.5l1.8 1.8L11 6.6" />
      </svg>
      Completeness
      {summary.label !== null && <span className="profile-button-label">{summary.label}</span>}
    </button>
  );
}
