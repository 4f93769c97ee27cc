/**
 * Under a field that differs between the selected images: each value with its count (a click
 * sets it for all); once typed into, the different values the edit replaces.
 */
import { useState } from 'react';
import type { FieldSpec } from '../../../shared/fields/field-table';
import { type FieldViewState, overRows, shownValueCounts, useApp, useAppStore, type ValueCount } from '../store';
import { formatCount, plural, valueChipText } from '../lib/format';

interface MixedValuesProps {
  field: FieldSpec;
  paths: readonly string[];
  /** The most frequent texts (from the editor's view) and how many there are. */
  first: readonly ValueCount[];
  distinct: number;
  /** Id for the input's `aria-describedby`. */
  id: string;
}

/** The value chips of a mixed field. */
export function MixedValues({ field, paths, first, distinct, id }: MixedValuesProps) {
  const store = useAppStore();
  const [all, setAll] = useState(false);
  const every = useApp((s) =>
    all ? overRows(paths, `distinct:${field.name}`, (rows) => shownValueCounts(rows, paths, field.name))(s) : null,
  );
  const shown = every ?? first;
  return (
    <div className="mixed-values" id={id}>
      <span className="mixed-values-count">{plural(distinct, 'value')}:</span>
      {shown.map(({ text, count }) => (
        <button
          key={text}
          type="button"
          className="chip chip-value"
          title={`Set ${field.displayName} to ${text === '' ? '(empty)' : `“${text}”`} for all ${plural(paths.length, 'image')}`}
          onClick={() => store.getState().setFieldText(paths, field.name, text)}
        >
          <span className="chip-value-text">{valueChipText(text, field.type)}</span>
          <span className="chip-count">{formatCount(count)}</span>
        </button>
      ))}
      {distinct > shown.length && (
        <button type="button" className="link-button small" onClick={() => setAll(true)}>
          {distinct - shown.length} more
        </button>
      )}
    </div>
  );
}

/** Under a field typed into over images that held different values: which values the edit replaces. */
export function ReplacedValues({ field, view, id }: { field: FieldSpec; view: FieldViewState; id: string }) {
  if (view.replaced.length === 0) return null;
  const shown = view.replaced.map(({ text, count }) => `${valueChipText(text, field.type)} ×${formatCount(count)}`);
  const more = view.replacedDistinct - view.replaced.length;
  return (
    <p className="field-note field-note-problem" id={id} role="status">
      Replaces {plural(view.replacedDistinct, 'different value')}: {shown.join(', ')}
      {more > 0 ? ` and ${plural(more, 'other')}` : ''}
    </p>
  );
}
