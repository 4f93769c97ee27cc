/**
 * The option rows of the dialogs' forms (Export, Export as OME-TIFF): a group under a legend,
 * and radios or a checkbox each with its label and a muted hint beneath.
 */
import type { ReactNode } from 'react';

/** One radio of a {@link RadioRows}: its value, its label (in code type when `mono`), its hint if any. */
export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
  mono?: boolean;
  disabled?: boolean;
}

/** A fieldset of options under a legend. */
export function ChoiceGroup({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="choice-group">
      <legend className="modal-label">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A row's label and hint, beside its input. */
function RowText({ label, hint, mono = false }: { label: ReactNode; hint: ReactNode; mono?: boolean | undefined }) {
  return (
    <>
      <span className={mono ? 'mono' : undefined}>{label}</span>
      <span className="muted small choice-hint">{hint}</span>
    </>
  );
}

/** Radios named `name`, one per choice, the one of `value` checked; a choice without a hint is one line. */
export function RadioRows<T extends string>({
  name,
  choices,
  value,
  onChange,
}: {
  name: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  return choices.map((choice) => (
    <label key={choice.value} className={choice.hint === undefined ? 'check-row' : 'check-row choice-row'}>
      <input
        type="radio"
        name={name}
        checked={value === choice.value}
        disabled={choice.disabled}
        onChange={() => onChange(choice.value)}
      />
      {choice.hint === undefined ? (
        choice.label
      ) : (
        <RowText label={choice.label} hint={choice.hint} mono={choice.mono} />
      )}
    </label>
  ));
}

/** A checkbox with its label and hint. */
export function CheckRow({
  label,
  hint,
  checked,
  disabled = false,
  onChange,
}: {
  label: ReactNode;
  hint: ReactNode;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check-row choice-row">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <RowText label={label} hint={hint} />
    </label>
  );
}
