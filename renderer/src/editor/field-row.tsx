/** One editable field: label, input fitted to the field's type, unit, and validation message. */
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import type { FieldSpec } from '../../../shared/fields/field-table';
import { type FieldViewState, selectEditView, selectSuggestions, UNREAD_FIELD, useApp, useAppStore } from '../store';
import { focusTable } from '../kit';
import { ChoiceInput } from './choice-input';
import { MixedValues, ReplacedValues } from './mixed-values';
import { ProfileNotes, profileNoteIds } from './profile-notes';
import { useFieldProfile, type FieldProfile } from './use-field-profile';
import { FieldSrNotes } from './field-sr-notes';
import { roundedNumberText } from '../lib/format';

const NONE: readonly string[] = [];

/** The values offered while typing in a text field (filled in while the field has the focus: counting them over 100,000 images is not free). */
function Suggestions({ field, id, examples }: { field: FieldSpec; id: string; examples: readonly string[] }) {
  const active = useApp((s) => s.activeField === field.name);
  const used = useApp((s) => (active ? selectSuggestions(s, field.name) : NONE));
  const values = active ? [...new Set([...examples, ...(field.choices ?? []), ...used])] : NONE;
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

/** What a field's input is given. */
export interface FieldProps {
  field: FieldSpec;
  /** The images edited together. */
  paths: readonly string[];
  readOnly: boolean;
}

/** The input element's id for a field (labels and messages refer to it). */
export function fieldId(field: FieldSpec): string {
  return `field-${field.name}`;
}

/** `field is-modified is-invalid is-required`: the classes of a field's wrapper for its state and the lab profile's view of it. */
export function fieldClasses(view: FieldViewState, profile: FieldProfile): string {
  const problem = profile.problem !== null && !profile.problem.required;
  return `field${view.modified ? ' is-modified' : ''}${view.error ? ' is-invalid' : ''}${problem ? ' has-problem' : ''}${profile.required ? ' is-required' : ''}`;
}

/**
 * The state and the input of field `name` over `paths`. Escape reverts the field, or, when
 * there is nothing to revert, goes back to the table; Alt+↓/↑ go to the next/previous image
 * and keep this field focused there. A decimal number is shown at rest in 6 significant digits,
 * in full while the field has the focus (to edit or copy it) and in its tooltip.
 */
function useFieldInput({ field, paths, readOnly }: FieldProps) {
  const store = useAppStore();
  const view = useApp((s) => selectEditView(paths)(s)?.fields[field.name] ?? UNREAD_FIELD);
  const profile = useFieldProfile(field, paths);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const focus = useApp((s) =>
    s.fieldFocus?.name === field.name && paths.includes(s.fieldFocus.path) ? s.fieldFocus.seq : null,
  );
  const id = fieldId(field);
  const focused = useApp((s) => s.activeField === field.name);
  const rounded = field.type === 'float' && !focused ? roundedNumberText(view.text) : null;
  const help = profile.rules?.description ?? field.description;

  // "Go to the field": from the review of a save with an invalid value, or Alt+↓/↑ from another image.
  useEffect(() => {
    if (focus === null) return;
    input.current?.focus();
    input.current?.scrollIntoView({ block: 'nearest' });
  }, [focus]);

  const numeric = field.type !== 'str';
  const describedBy = [
    view.error ? `${id}-error` : null,
    ...profileNoteIds(id, profile),
    view.modified ? `${id}-modified` : null,
    view.mixed ? `${id}-values` : null,
    view.replaced.length > 0 ? `${id}-replaces` : null,
    `${id}-help`,
  ]
    .filter(Boolean)
    .join(' ');
  const props = {
    id,
    ref: input,
    value: rounded ?? view.text,
    readOnly,
    placeholder: view.mixed ? '(multiple values)' : profile.placeholder,
    title: rounded === null ? help : `${help}\nExactly ${view.text} (shown rounded)`,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': view.error || (profile.problem !== null && !profile.problem.required) ? true : undefined,
    'aria-required': profile.required ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      store.getState().setFieldText(paths, field.name, event.target.value),
    onKeyDown: (event: KeyboardEvent) => {
      const s = store.getState();
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        s.moveCursor({ by: event.key === 'ArrowDown' ? 1 : -1 }, false);
        const next = store.getState().cursor;
        if (next !== null) s.focusField(next, field.name);
      } else if (event.key === 'Escape' && !event.altKey) {
        event.preventDefault();
        if (!readOnly && (view.modified || view.error)) s.revertField(paths, field.name);
        else focusTable();
      }
    },
    onFocus: () => store.getState().setActiveField(field.name),
    onBlur: () => store.getState().setActiveField(null),
  };
  const listId =
    field.type === 'str' && !field.multiline && !readOnly && profile.choices === null ? `${id}-suggestions` : undefined;
  const control = field.multiline ? (
    <textarea {...props} className="input textarea" rows={4} />
  ) : profile.choices !== null ? (
    <ChoiceInput
      {...props}
      className={`input${numeric ? ' input-number' : ''}`}
      choices={profile.choices}
      synonyms={profile.rules?.synonyms ?? {}}
      label={field.displayName}
      onPick={(value) => store.getState().setFieldText(paths, field.name, value)}
    />
  ) : (
    <input
      {...props}
      className={`input${numeric ? ' input-number' : ''}`}
      type="text"
      inputMode={field.type === 'int' ? 'numeric' : numeric ? 'decimal' : undefined}
      list={listId}
    />
  );
  return {
    view,
    profile,
    id,
    control: listId
      ? [control, <Suggestions key="suggestions" field={field} id={listId} examples={profile.examples} />]
      : control,
  };
}

/** Under a field: the values it has on the selected images when they differ, its message, the lab profile's notes, and its screen-reader notes. */
function FieldNotes({
  field,
  paths,
  readOnly,
  view,
  profile,
}: FieldProps & { view: FieldViewState; profile: FieldProfile }) {
  const id = fieldId(field);
  const message = useRef<HTMLParagraphElement>(null);
  // A message appearing under the field being typed in must not be hidden below the panel's edge.
  useEffect(() => {
    const element = message.current;
    if (element && element.parentElement?.contains(document.activeElement))
      element.scrollIntoView({ block: 'nearest' });
  }, [view.error]);
  return (
    <>
      {view.mixed && !readOnly && (
        <MixedValues
          field={field}
          paths={paths}
          first={view.mixedValues}
          distinct={view.distinct}
          id={`${id}-values`}
        />
      )}
      {!readOnly && <ReplacedValues field={field} view={view} id={`${id}-replaces`} />}
      {view.error && (
        <p ref={message} id={`${id}-error`} className="field-error">
          {view.error}
        </p>
      )}
      <ProfileNotes
        field={field}
        id={id}
        paths={paths}
        profile={profile}
        hasError={view.error !== null}
        readOnly={readOnly}
      />
      <FieldSrNotes id={id} field={field} modified={view.modified} />
    </>
  );
}

/** A labelled input for `field` over `paths`, with its unit and message. */
export function FieldRow(props: FieldProps) {
  const { field } = props;
  const { view, profile, id, control } = useFieldInput(props);
  return (
    <div className={`${fieldClasses(view, profile)}${field.multiline ? ' field-wide' : ''}`}>
      <label htmlFor={id} className="field-label" title={field.description}>
        <span className="modified-dot" aria-hidden="true" />
        <span className="field-label-text">{field.displayName}</span>
      </label>
      <div className="field-control">
        {control}
        {field.unit && <span className="field-unit">{field.unit}</span>}
      </div>
      <FieldNotes {...props} view={view} profile={profile} />
    </div>
  );
}

/**
 * The input of `field` alone, for a grid of fields: its label (the field's display name) is
 * for screen readers and the tooltip, the grid's headings say what it is; its notes show
 * under it.
 */
export function FieldCell(props: FieldProps) {
  const { field } = props;
  const { view, profile, id, control } = useFieldInput(props);
  return (
    <div className={`${fieldClasses(view, profile)} field-cell`} title={field.description}>
      <label htmlFor={id} className="sr-only">
        {field.displayName}
      </label>
      <div className="field-control">{control}</div>
      <FieldNotes {...props} view={view} profile={profile} />
    </div>
  );
}
