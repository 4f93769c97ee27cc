/**
 * The instrument catalogue editor's cells: one field of the description, its stand or a
 * component, edited as text, a number or a choice; a required field left empty and a problem
 * the checks found there (a placeholder `999`, an NA above 1.7) are marked on the cell itself.
 */
import { useId } from 'react';
import type { InstrumentFieldSpec } from '../../../shared/api-instruments';
import type { InstrumentProblem } from '../../../shared/instruments';
import { cellText, type EditTarget } from './instrument-grid';
import { useAppStore } from '../store';

interface CellProps {
  target: EditTarget;
  field: InstrumentFieldSpec;
  /** The value as the edits leave it. */
  value: unknown;
  /** Text typed that is not a value of the field, and why. */
  typed: { text: string; error: string } | undefined;
  problems: readonly InstrumentProblem[];
  required: boolean;
  /** The accessible name: `Lens NA, Plan-Apochromat 63x`. */
  label: string;
  readOnly: boolean;
}

/** One editable cell. */
export function InstrumentCell({ target, field, value, typed, problems, required, label, readOnly }: CellProps) {
  const store = useAppStore();
  const id = useId();
  const text = typed?.text ?? cellText(value);
  // text that is not a value is all the cell says: the checks' problems are of the value before it
  const messages = typed ? [typed.error] : problems.map((p) => p.message);
  const missing = required && text.trim() === '';
  const described = [messages.length > 0 ? `${id}-problem` : null, missing ? `${id}-required` : null].filter(Boolean);
  const change = (next: string) => store.getState().editInstrumentCell(target, field, next);
  const common = {
    'aria-label': label,
    'aria-invalid': messages.length > 0 ? true : undefined,
    'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    title: messages.length > 0 ? messages.join('\n') : undefined,
    className: [
      'input',
      field.type === 'number' ? 'instrument-number' : null,
      missing ? 'instrument-missing' : null,
      typed ? null : problemTone(problems),
    ]
      .filter(Boolean)
      .join(' '),
  };
  return (
    <>
      {field.type === 'choice' ? (
        <select {...common} value={text} disabled={readOnly} onChange={(e) => change(e.target.value)}>
          <option value="">{missing ? '— required —' : '—'}</option>
          {[...(field.choices ?? []), ...(text !== '' && !field.choices?.includes(text) ? [text] : [])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          spellCheck={false}
          autoComplete="off"
          placeholder={missing ? 'required' : undefined}
          readOnly={readOnly}
          value={text}
          onChange={(e) => change(e.target.value)}
        />
      )}
      {messages.length > 0 && (
        <span id={`${id}-problem`} className="sr-only">
          {messages.join('; ')}
        </span>
      )}
      {missing && (
        <span id={`${id}-required`} className="sr-only">
          Required at this description’s tier
        </span>
      )}
    </>
  );
}

/** The cell's class for its problems: an error's or a warning's. */
function problemTone(problems: readonly InstrumentProblem[]): string | null {
  if (problems.length === 0) return null;
  return problems.some((p) => p.severity === 'error') ? 'instrument-error' : 'instrument-warning';
}

/** A column's heading: the field's label, its unit, and a mark when the tier requires it. */
export function FieldHeading({ field, required }: { field: InstrumentFieldSpec; required: boolean }) {
  return (
    <>
      {field.label}
      {field.unit && <span className="muted"> ({field.unit})</span>}
      {required && (
        <abbr className="instrument-required" title="Required at this description’s tier">
          *
        </abbr>
      )}
    </>
  );
}
