/**
 * The folder rules (`x-folder`) of the profiles in force: each rule with whether a file
 * matches it, and the files that match none when the profile's layout is closed.
 */
import type { ProfileInfo } from '../../../shared/api';
import { useApp } from '../store';
import { plural } from '../lib/format';

/** Files listed before the rest are counted. */
const SHOWN_FILES = 8;

function ProfileRules({ profile, several }: { profile: ProfileInfo; several: boolean }) {
  const missing = new Set(profile.folderProblems.flatMap((p) => (p.rule === undefined ? [] : [p.rule])));
  const stray = profile.folderProblems.filter((p) => p.rule === undefined);
  return (
    <div className="folder-rules">
      {several && <p className="small muted">{profile.source}</p>}
      <ul className="plain-list folder-rule-list">
        {profile.folderRules.map((rule) => {
          const absent = missing.has(rule.pattern);
          return (
            <li key={rule.pattern} className={`folder-rule${absent ? ' is-missing' : ''}`}>
              <span className="folder-rule-mark" aria-hidden="true">
                {absent ? '✗' : rule.required ? '✓' : '·'}
              </span>
              <span>
                {rule.description === '' ? 'Files' : rule.description}
                <span className="sr-only">{absent ? ': missing' : rule.required ? ': present' : ': optional'}</span>
                {absent && <span className="folder-rule-status">missing</span>}
                {!rule.required && <span className="folder-rule-status is-optional">optional</span>}
              </span>
              <code className="folder-rule-pattern">{rule.pattern}</code>
            </li>
          );
        })}
      </ul>
      {stray.length > 0 && (
        <div className="folder-stray">
          <p className="small">
            {plural(stray.length, 'file')} {stray.length === 1 ? 'matches' : 'match'} none of the rules (the profile
            lists every file it allows):
          </p>
          <ul className="plain-list small mono">
            {stray.slice(0, SHOWN_FILES).map((p) => (
              <li key={p.path}>{p.path}</li>
            ))}
            {stray.length > SHOWN_FILES && (
              <li className="muted">and {plural(stray.length - SHOWN_FILES, 'more file')}</li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The section; nothing when no profile in force has folder rules. */
export function FolderRulesSection() {
  const profiles = useApp((s) => s.profiles);
  const withRules = (profiles ?? []).filter((p) => p.folderRules.length > 0);
  if (withRules.length === 0) return null;
  return (
    <section aria-labelledby="completeness-folder" className="completeness-folder">
      <h3 id="completeness-folder" className="modal-label completeness-group">
        Folder layout
      </h3>
      {withRules.map((profile) => (
        <ProfileRules key={profile.source} profile={profile} several={withRules.length > 1} />
      ))}
    </section>
  );
}
