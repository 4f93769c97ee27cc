/** A list of fields with their values to choose from (paste, save as preset), with All / None. */
import type { FieldSpec, FieldValues } from '../../../shared/fields/field-table';
import { displayValue } from '../lib/format';

interface FieldChecklistProps {
  fields: readonly FieldSpec[];
  values: FieldValues;
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}

/** One checkbox per field, showing the value it carries. */
export function FieldChecklist({ fields, values, chosen, onChange }: FieldChecklistProps) {
  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  return (
    <>
      <div className="scroll-box paste-fields">
        {fields.map((field) => (
          <label key={field.name} className="check-row paste-field">
            <input
              type="checkbox"
              checked={chosen.has(field.name)}
              onChange={(e) => toggle(field.name, e.target.checked)}
            />
            <span className="paste-field-name">{field.displayName}</span>
            <span className="paste-field-value">{displayValue(values[field.name])}</span>
          </label>
        ))}
      </div>
      <div className="paste-shortcuts small">
        <button type="button" className="link-button" onClick={() => onChange(new Set(fields.map((f) => f.name)))}>
          All fields
        </button>
        <button type="button" className="link-button" onClick={() => onChange(new Set())}>
          None
        </button>
      </div>
    </>
  );
}
