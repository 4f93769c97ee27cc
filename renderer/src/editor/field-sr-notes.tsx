/** The screen-reader notes under a field: its description, and that it has an unsaved change. */
import type { FieldSpec } from '../../../shared/fields/field-table';

/** Notes the field's input refers to with `aria-describedby` (`<id>-help`, `<id>-modified`). */
export function FieldSrNotes({ id, field, modified }: { id: string; field: FieldSpec; modified: boolean }) {
  return (
    <>
      <span id={`${id}-help`} className="sr-only">
        {field.description}
      </span>
      {modified && (
        <span id={`${id}-modified`} className="sr-only">
          Unsaved change
        </span>
      )}
    </>
  );
}
