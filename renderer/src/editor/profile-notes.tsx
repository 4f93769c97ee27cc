/**
 * What the lab profile adds under a field: its help and what it finds wrong now (with its
 * suggestion, one click away). The required marker is the field's `is-required` class.
 */
import type { FieldSpec } from '../../../shared/fields/field-table';
import { plural } from '../lib/format';
import { problemsNow, useAppStore } from '../store';
import type { FieldProfile } from './use-field-profile';

/** The ids of the notes a field's input is described by, when they are shown. */
export function profileNoteIds(id: string, profile: FieldProfile): string[] {
  return [
    profile.problem === null ? null : `${id}-profile-problem`,
    profile.hint === null ? null : `${id}-profile-hint`,
  ].filter((x) => x !== null);
}

interface ProfileNotesProps {
  field: FieldSpec;
  id: string;
  paths: readonly string[];
  profile: FieldProfile;
  /** The field shows a format error already: that message comes first. */
  hasError: boolean;
  readOnly: boolean;
}

/** The profile's problem with the field (as typed) and its help line. */
export function ProfileNotes({ field, id, paths, profile, hasError, readOnly }: ProfileNotesProps) {
  const store = useAppStore();
  const { problem, hint } = profile;
  const suggestion = problem?.suggestion ?? null;
  // Only the images with this problem get the suggestion; the others keep what they have.
  const useSuggestion = () => {
    const s = store.getState();
    const having = paths.filter((path) => {
      const row = s.rows[path];
      return (
        row !== undefined &&
        problemsNow(row, s.liveProblems).some((p) => p.field === field.name && p.suggestion === suggestion)
      );
    });
    if (suggestion !== null) s.setFieldText(having, field.name, suggestion);
  };
  return (
    <>
      {problem !== null && !hasError && (
        <p
          id={`${id}-profile-problem`}
          className={problem.required ? 'field-note field-note-required' : 'field-note field-note-problem'}
        >
          {problem.message}
          {paths.length > 1 &&
            ` (${problem.images === paths.length ? 'all' : problem.images} of ${plural(paths.length, 'image')})`}
          {suggestion !== null && !readOnly && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={useSuggestion}>
                Use “{suggestion}”
              </button>
            </>
          )}
        </p>
      )}
      {hint !== null && (
        <p id={`${id}-profile-hint`} className="field-note field-note-hint">
          {hint}
        </p>
      )}
    </>
  );
}
