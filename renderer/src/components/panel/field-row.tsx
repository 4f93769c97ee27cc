/** One editable field: label, input fitted to the field's type, unit, and validation message. */
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldSpec } from '../../../../shared/fields/field-table';
import type { FieldViewState } from '../../store/field-state';
import { selectEditView, selectSuggestions } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store-context';
import { MixedValues } from './mixed-values';

function Suggestions({ field, id }: { field: FieldSpec; id: string }) {
  const used = useApp((s) => selectSuggestions(s, field.name));
  const values = [...new Set([...(field.choices ?? []), ...used])];
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
  const view = useApp((s) => selectEditView(paths)(s).fields[field.name] as FieldViewState);
  const id = `field-${field.name}`;
  const listId = `${id}-suggestions`;
  const mixedId = `${id}-values`;
  const describedBy = [view.error ? `${id}-error` : null, view.modified ? `${id}-modified` : null, view.mixed ? mixedId : null, `${id}-help`]
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
    placeholder: view.mixed ? '(multiple values)' : undefined,
    title: field.description,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': view.error ? true : undefined,
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
    <div className={`field${view.modified ? ' is-modified' : ''}${view.error ? ' is-invalid' : ''}${field.multiline ? ' field-wide' : ''}`}>
      <label htmlFor={id} className="field-label" title={field.description}>
        <span className="modified-dot" aria-hidden="true" />
        <span className="field-label-text">{field.displayName}</span>
      </label>
      <div className="field-control">
        {field.multiline ? (
          <textarea {...common} className="input textarea" rows={4} />
        ) : (
          <input
            {...common}
            className={`input${numeric ? ' input-number' : ''}`}
            type="text"
            inputMode={field.type === 'int' ? 'numeric' : numeric ? 'decimal' : undefined}
            list={text && !readOnly ? listId : undefined}
          />
        )}
        {field.unit && <span className="field-unit">{field.unit}</span>}
      </div>
      {text && !readOnly && <Suggestions field={field} id={listId} />}
      {view.mixed && !readOnly && <MixedValues field={field} paths={paths} first={view.mixedValues} distinct={view.distinct} id={mixedId} />}
      {view.error && (
        <p ref={message} id={`${id}-error`} className="field-error">
          {view.error}
        </p>
      )}
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
