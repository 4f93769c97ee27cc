/** One editable field: label, input fitted to the field's type, unit, and validation message. */
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldSpec } from '../../../../shared/fields/field-table';
import { fieldViewState } from '../../store/field-state';
import { selectSuggestions } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store-context';
import { ChoiceInput } from './choice-input';
import { MixedValues } from './mixed-values';
import { ProfileNotes, profileNoteIds } from './profile-notes';
import { useFieldProfile } from './use-field-profile';

function Suggestions({ field, id, examples }: { field: FieldSpec; id: string; examples: readonly string[] }) {
  const used = useApp((s) => selectSuggestions(s, field.name));
  const values = [...new Set([...examples, ...(field.choices ?? []), ...used])];
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

interface FieldRowProps {
  field: FieldSpec;
  /** The images edited together. */
  paths: readonly string[];
  readOnly: boolean;
}

/** A labelled input for `field` over `paths`; Escape reverts the field. */
export function FieldRow({ field, paths, readOnly }: FieldRowProps) {
  const store = useAppStore();
  const view = useApp(useShallow((s) => fieldViewState(s, paths, field.name)));
  const profile = useFieldProfile(field, paths);
  const id = `field-${field.name}`;
  const listId = `${id}-suggestions`;
  const mixedId = `${id}-values`;
  const describedBy = [view.error ? `${id}-error` : null, ...profileNoteIds(id, profile), view.modified ? `${id}-modified` : null, view.mixed ? mixedId : null, `${id}-help`]
    .filter(Boolean)
    .join(' ');
  const numeric = field.type !== 'str';
  const text = !numeric && !field.multiline;
  const message = useRef<HTMLParagraphElement>(null);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const focus = useApp((s) => (s.fieldFocus?.name === field.name && paths.includes(s.fieldFocus.path) ? s.fieldFocus.seq : null));

  // "Go to the field" (e.g. from the review of a save with an invalid value).
  useEffect(() => {
    if (focus === null) return;
    input.current?.focus();
    input.current?.scrollIntoView({ block: 'center' });
  }, [focus]);

  // A message appearing under the field being typed in must not be hidden below the panel's edge.
  useEffect(() => {
    const element = message.current;
    if (element && element.parentElement?.contains(document.activeElement)) element.scrollIntoView({ block: 'nearest' });
  }, [view.error]);

  const common = {
    ref: input,
    id,
    value: view.text,
    readOnly,
    placeholder: view.mixed ? '(multiple values)' : profile.placeholder,
    title: profile.rules?.description ?? field.description,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': view.error || (profile.problem !== null && !profile.problem.required) ? true : undefined,
    'aria-required': profile.required ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => store.getState().setFieldText(paths, field.name, event.target.value),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || readOnly) return;
      event.preventDefault();
      store.getState().revertField(paths, field.name);
    },
    onFocus: () => store.getState().setActiveField(field.name),
    onBlur: () => store.getState().setActiveField(null),
  };

  return (
    <div className={`field${view.modified ? ' is-modified' : ''}${view.error ? ' is-invalid' : ''}${profile.problem?.required === false ? ' has-problem' : ''}${profile.required ? ' is-required' : ''}${field.multiline ? ' field-wide' : ''}`}>
      <label htmlFor={id} className="field-label" title={field.description}>
        <span className="modified-dot" aria-hidden="true" />
        <span className="field-label-text">{field.displayName}</span>
      </label>
      <div className="field-control">
        {field.multiline ? (
          <textarea {...common} className="input textarea" rows={4} />
        ) : profile.choices !== null ? (
          <ChoiceInput
            {...common}
            choices={profile.choices}
            synonyms={profile.rules?.synonyms ?? {}}
            label={field.displayName}
            onPick={(value) => store.getState().setFieldText(paths, field.name, value)}
          />
        ) : (
          <input
            {...common}
            className={`input${numeric ? ' input-number' : ''}`}
            type="text"
            inputMode={field.type === 'int' ? 'numeric' : numeric ? 'decimal' : undefined}
            list={text && !readOnly && profile.choices === null ? listId : undefined}
          />
        )}
        {field.unit && <span className="field-unit">{field.unit}</span>}
      </div>
      {text && !readOnly && profile.choices === null && <Suggestions field={field} id={listId} examples={profile.examples} />}
      {view.mixed && !readOnly && <MixedValues field={field} paths={paths} id={mixedId} />}
      {view.error && (
        <p ref={message} id={`${id}-error`} className="field-error">
          {view.error}
        </p>
      )}
      <ProfileNotes field={field} id={id} paths={paths} profile={profile} hasError={view.error !== null} readOnly={readOnly} />
      <span id={`${id}-help`} className="sr-only">
        {field.description}
      </span>
      {view.modified && (
        <span id={`${id}-modified`} className="sr-only">
          Unsaved change
        </span>
      )}
    </div>
  );
}
