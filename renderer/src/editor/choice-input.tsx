/**
 * A closed vocabulary's input: a text box you can type into with a list of the allowed values
 * (WAI-ARIA combobox with a listbox popup). Typing filters the list and offers the profile's
 * synonyms as `Mouse → mouse`; ↓/↑ move, Enter or a click picks, Escape closes the list.
 * What is typed is kept as typed (never blocked): the profile's message says what is wrong.
 */
import { useState, type ChangeEvent, type InputHTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import { looseForm } from '../../../shared/profile';

/** One entry of the list. */
interface Choice {
  label: string;
  value: string;
}

interface ChoiceInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  id: string;
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
  /** The allowed values. */
  choices: readonly string[];
  /** Variant → allowed value. */
  synonyms: Readonly<Record<string, string>>;
  /** Sets the field to a value from the list. */
  onPick(value: string): void;
  /** The field's name for the list's label. */
  label: string;
}

/** The entries for typed `text`: every choice before typing, else those containing it and the synonyms like it. */
function choicesFor(
  text: string,
  choices: readonly string[],
  synonyms: Readonly<Record<string, string>>,
  typed: boolean,
): Choice[] {
  const all = choices.map((value) => ({ label: value, value }));
  if (!typed || text.trim() === '') return all;
  const lower = text.trim().toLowerCase();
  const loose = looseForm(text);
  const matching = all.filter((c) => c.value.toLowerCase().includes(lower));
  // One entry per variant that differs only in case or spacing (`F` and `f`): the one typed, else the first.
  const variants = new Map<string, Choice>();
  for (const [variant, value] of Object.entries(synonyms)) {
    if (variant === value || !choices.includes(value) || loose === '' || !looseForm(variant).startsWith(loose))
      continue;
    const key = `${looseForm(variant)}\u0000${value}`;
    if (!variants.has(key) || variant === text.trim()) variants.set(key, { label: `${variant} → ${value}`, value });
  }
  return [...matching, ...variants.values()];
}

/** The combobox; `props` are the field's own input props (value, change, keys, ARIA). */
export function ChoiceInput({
  id,
  ref,
  value,
  onChange,
  choices,
  synonyms,
  onPick,
  label,
  onKeyDown,
  onBlur,
  readOnly,
  className,
  ...props
}: ChoiceInputProps) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-choices`;
  const items = choicesFor(value, choices, synonyms, typed);
  const shown = open && !readOnly && items.length > 0;

  const show = (fromTyping: boolean) => {
    const list = choicesFor(value, choices, synonyms, fromTyping);
    setTyped(fromTyping);
    setOpen(true);
    setActive(
      fromTyping
        ? 0
        : Math.max(
            0,
            list.findIndex((c) => c.value === value),
          ),
    );
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (choice: Choice) => {
    onPick(choice.value);
    close();
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!readOnly && !event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      if (!shown) show(false);
      else setActive((at) => (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length);
      return;
    }
    if (shown && event.key === 'Enter' && items[active] !== undefined) {
      event.preventDefault();
      pick(items[active]);
      return;
    }
    if (shown && event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key === 'Tab') close();
    onKeyDown?.(event);
  };

  return (
    <div className="choice">
      <input
        {...props}
        ref={ref}
        id={id}
        className={`${className ?? 'input'} choice-input`}
        type="text"
        value={value}
        readOnly={readOnly}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event);
          setTyped(true);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={keyDown}
        onBlur={(event) => {
          close();
          onBlur?.(event);
        }}
      />
      {!readOnly && (
        <button
          type="button"
          className="icon-button choice-toggle"
          tabIndex={-1}
          aria-label={`Show the choices for ${label}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            document.getElementById(id)?.focus();
            if (shown) close();
            else show(false);
          }}
        >
          <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </button>
      )}
      <ul id={listId} role="listbox" aria-label={`${label} choices`} className="popover choice-list" hidden={!shown}>
        {shown &&
          items.map((choice, i) => (
            <li
              key={choice.label}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`choice-option${choice.value === value ? ' is-current' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(choice)}
            >
              <span className="choice-check" aria-hidden="true">
                {choice.value === value ? '✓' : ''}
              </span>
              {choice.label}
            </li>
          ))}
      </ul>
    </div>
  );
}
