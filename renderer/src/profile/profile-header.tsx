/**
 * The Completeness view's account of the lab profiles in force: title, file, description,
 * what is wrong with the file itself, and the button that reads them again.
 */
import type { ProfileInfo } from '../../../shared/api';
import { useApp, useAppStore } from '../store';
import { profileName } from './profile-summary';

function ProfileCard({ profile }: { profile: ProfileInfo }) {
  return (
    <div className={`profile-card${profile.applied ? '' : ' is-broken'}`}>
      <p className="profile-card-title">{profileName(profile)}</p>
      <p
        className="profile-card-source mono small"
        title={profile.folder === '' ? 'In the folder opened' : `For the images under ${profile.folder}`}
      >
        {profile.source}
      </p>
      {profile.description !== null && <p className="profile-card-description small muted">{profile.description}</p>}
      {profile.problems.length > 0 && (
        <ul className={`plain-list small ${profile.applied ? 'text-warning' : 'text-danger'} profile-card-problems`}>
          {!profile.applied && <li className="callout-title">This profile cannot be used until its file is fixed:</li>}
          {profile.problems.map((problem) => (
            <li key={problem} className="mono">
              {problem}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The profiles in force, or how to start one; the Reload button. */
export function ProfileHeader() {
  const store = useAppStore();
  const profiles = useApp((s) => s.profiles);
  const reloading = useApp((s) => s.profilesReloading);
  const none = profiles !== null && profiles.length === 0;
  return (
    <section className="profile-header" aria-label="Lab profile">
      <div className="profile-header-cards">
        {profiles === null && <p className="muted">Reading the lab profile…</p>}
        {none && (
          <p className="muted small">
            No lab profile is in force. Put an <code>acqmeta.profile.json</code> in this folder (or a parent) to require
            fields and fix vocabularies;
            <code> acqmeta profile init</code> writes a starter one from the values in use. Without one, this view
            counts filled-in fields.
          </p>
        )}
        {profiles?.map((profile) => (
          <ProfileCard key={profile.source} profile={profile} />
        ))}
      </div>
      <button
        type="button"
        className="btn btn-small"
        disabled={reloading}
        title="Read the profile files again and check every image against them"
        onClick={() => void store.getState().reloadProfiles(true)}
      >
        {reloading ? 'Checking…' : 'Reload profile'}
      </button>
    </section>
  );
}
