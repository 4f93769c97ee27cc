/**
 * The chooser at the head of the submission dialogs: what the folder is checked against (the
 * check's target, the export's format), a label beside it and what follows on its line.
 */
import type { ReactNode } from 'react';

interface TargetSelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The control the dialog opens on. */
  autoFocus?: boolean;
  /** What stands on the line after the chooser (Check again, the draft's summary). */
  children?: ReactNode;
}

/** The label, the chooser and what follows it, on one line. */
export function TargetSelect(props: TargetSelectProps) {
  const { id, label, value, options, onChange, disabled = false, autoFocus = false, children } = props;
  return (
    <div className="layout-target">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}
