/**
 * The chosen template's fields: each under the template's label with the exports' column beside
 * it and the template's description as its hint on hover; a column with listed terms is a
 * choice, a numeric one a number field, the rest text, every value checked as typed.
 */
import type { ReactNode } from 'react';
import { FieldRow, type FieldControlProps } from '../kit';
import { valueProblem, type DatasetColumn, type DatasetTemplate } from './dataset-form';

/** The control of `column`: a choice of its terms (a value kept outside them stays offered, so nothing is lost), a number field, or text. */
function ValueControl(props: {
  column: DatasetColumn;
  control: FieldControlProps;
  text: string;
  onChange: (text: string) => void;
}): ReactNode {
  const { column, control, text, onChange } = props;
  const common = { ...control, className: 'input', value: text, title: column.description || undefined };
  if (column.terms.length > 0) {
    const offered = text === '' || column.terms.includes(text) ? column.terms : [text, ...column.terms];
    return (
      <select {...common} onChange={(event) => onChange(event.target.value)}>
        <option value="">—</option>
        {offered.map((term) => (
          <option key={term} value={term}>
            {term}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...common}
      type={column.number === undefined ? 'text' : 'number'}
      step={column.number === 'int' ? 1 : column.number === 'decimal' ? 'any' : undefined}
      min={column.min}
      max={column.max}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** The fields of `template`'s columns, each checked as typed. */
export function TemplateFields(props: {
  template: DatasetTemplate;
  values: Readonly<Record<string, string>>;
  onChange: (column: string, text: string) => void;
}) {
  const { template, values, onChange } = props;
  return (
    <div className="dataset-fields">
      {template.columns.map((column, i) => {
        const text = values[column.name] ?? '';
        const problem = valueProblem(column.name, text);
        return (
          <div key={column.name} className="dataset-field">
            <FieldRow
              id={`dataset-value-${i}`}
              label={
                <span title={column.description || undefined}>
                  {column.label}
                  {column.required && <span className="dataset-required"> · required</span>}{' '}
                  <code className="dataset-key">{column.name}</code>
                </span>
              }
              invalid={problem !== null}
              message={problem}
            >
              {(control) => (
                <ValueControl
                  column={column}
                  control={control}
                  text={text}
                  onChange={(changed) => onChange(column.name, changed)}
                />
              )}
            </FieldRow>
          </div>
        );
      })}
    </div>
  );
}
