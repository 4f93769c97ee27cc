/** Under a field that differs between the selected images: each value with its count; a click sets it for all. */
import { useState } from 'react';
import type { FieldSpec } from '../../../../shared/fields/field-table';
import { distinctValues } from '../../store/field-state';
import { overRows } from '../../store/grow-memo';
import { useApp, useAppStore } from '../../store/store-context';
import { plural } from '../../lib/format';

/** Values shown before "N more". */
const SHOWN = 5;

interface MixedValuesProps {
  field: FieldSpec;
  paths: readonly string[];
  /** Id for the input's `aria-describedby`. */
  id: string;
}

/** The value chips of a mixed field. */
export function MixedValues({ field, paths, id }: MixedValuesProps) {
  const store = useAppStore();
  const [all, setAll] = useState(false);
  const values = useApp(overRows(paths, `distinct:${field.name}`, (s) => distinctValues(s, paths, field.name)));
  const shown = all ? values : values.slice(0, SHOWN);
  return (
    <div className="mixed-values" id={id}>
      <span className="mixed-values-count">{plural(values.length, 'value')}:</span>
      {shown.map(({ text, count }) => (
        <button
          key={text}
          type="button"
          className="chip chip-value"
          title={`Set ${field.displayName} to ${text === '' ? '(empty)' : `“${text}”`} for all ${plural(paths.length, 'image')}`}
          onClick={() => store.getState().setFieldText(paths, field.name, text)}
        >
          <span className="chip-value-text">{text === '' ? '(empty)' : text}</span>
          <span className="chip-count">{count}</span>
        </button>
      ))}
      {values.length > shown.length && (
        <button type="button" className="link-button small" onClick={() => setAll(true)}>
          {values.length - shown.length} more
        </button>
      )}
    </div>
  );
}
