/** A yes/no field (CloudScope's `accepted` flag) as a checkbox; mixed over several images. */
import { useEffect, useRef } from 'react';
import type { FieldSpec } from '../../../shared/fields/field-table';
import { selectEditView, UNREAD_FIELD, useApp, useAppStore } from '../store';
import { FieldSrNotes } from './field-sr-notes';

interface FlagFieldProps {
  field: FieldSpec;
  /** The images edited together. */
  paths: readonly string[];
  readOnly: boolean;
}

/** A labelled checkbox; a click sets the flag for every image in `paths` (one undo step). */
export function FlagField({ field, paths, readOnly }: FlagFieldProps) {
  const store = useAppStore();
  const view = useApp((s) => selectEditView(paths)(s)?.fields[field.name] ?? UNREAD_FIELD);
  const box = useRef<HTMLInputElement>(null);
  const id = `field-${field.name}`;
  const checked = !view.mixed && view.text === 'true';
  useEffect(() => {
    if (box.current) box.current.indeterminate = view.mixed;
  }, [view.mixed]);
  const set = (value: boolean) =>
    store.getState().applyFieldInputs(
      field.displayName,
      paths.map((path) => ({ path, name: field.name, value })),
    );
  return (
    <div className={`field field-flag${view.modified ? ' is-modified' : ''}`}>
      <span className="modified-dot" aria-hidden="true" />
      <label htmlFor={id} className="flag-label" title={field.description}>
        <input
          ref={box}
          id={id}
          type="checkbox"
          className="checkbox"
          checked={checked}
          disabled={readOnly}
          aria-describedby={`${id}-help${view.modified ? ` ${id}-modified` : ''}`}
          onChange={() => set(view.mixed ? true : !checked)}
        />
        <span>{field.displayName}</span>
      </label>
      <span className={view.mixed ? 'muted small' : 'flag-state'} aria-hidden="true">
        {view.mixed ? '(multiple values)' : checked ? '' : 'Rejected'}
      </span>
      <FieldSrNotes id={id} field={field} modified={view.modified} />
    </div>
  );
}
