/** Under a field that differs between the selected images: each value with its count; a click sets it for all. */
import { useMemo, useState } from 'react';
import type { FieldSpec } from '../../../../shared/fields/field-table';
import type { AppState } from '../../store/app-store';
import { shownText, type EditMap } from '../../store/edit-logic';
import { useApp, useAppStore } from '../../store/store-context';
import { plural } from '../../lib/format';

/** Values shown before "N more". */
const SHOWN = 5;

/** The distinct texts a field shows over `paths`, most frequent first. */
function distinctValues(rows: AppState['rows'], edits: EditMap, paths: readonly string[], name: string): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const row = rows[path];
    if (row) {
      const text = shownText(row, edits[path], name);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return [...counts.entries()].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

interface MixedValuesProps {
  field: FieldSpec;
  paths: readonly string[];
  /** Id for the input's `aria-describedby`. */
  id: string;
}

/** The value chips of a mixed field. */
export function MixedValues({ field, paths, id }: MixedValuesProps) {
  const store = useAppStore();
  const rows = useApp((s) => s.rows);
  const edits = useApp((s) => s.edits);
  const [all, setAll] = useState(false);
  const values = useMemo(() => distinctValues(rows, edits, paths, field.name), [rows, edits, paths, field.name]);
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
