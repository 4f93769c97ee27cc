/**
 * A button that opens a menu of actions (WAI-ARIA menu button): arrow keys move between the
 * items, Enter or a click runs one, Escape or a press outside closes the menu.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { usePopover } from './use-popover';

/** One entry of the menu; `heading` is a label over the items that follow. */
export type MenuEntry =
  { label: string; onSelect: () => void; disabled?: boolean; title?: string } | { heading: string } | 'separator';

interface MenuButtonProps {
  label: string;
  /** The entries, built when the menu opens (so they show the state of that moment). */
  entries: () => readonly MenuEntry[];
  /** Called when the menu opens (e.g. to refresh what it lists). */
  onOpen?: () => void;
  small?: boolean;
  /** Which edge of the button the menu lines up with. */
  align?: 'left' | 'right';
  title?: string;
}

/** The menu button and, while open, its menu. */
export function MenuButton({ label, entries, onOpen, small = false, align = 'left', title }: MenuButtonProps) {
  const { open, setOpen, root, button } = usePopover();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [open]);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      all[(next + all.length) % all.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };
  const toggle = () => {
    if (!open) onOpen?.();
    setOpen(!open);
  };

  return (
    <div className="menu-button" ref={root}>
      <button
        ref={button}
        type="button"
        className={small ? 'btn btn-small' : 'btn'}
        aria-haspopup="menu"
        aria-expanded={open}
        title={title}
        onClick={toggle}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            toggle();
          }
        }}
      >
        {label}
        <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      {open && (
        <div ref={menu} className={`popover menu menu-${align}`} role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {entries().map((entry, i) =>
            entry === 'separator' ? (
              <div key={`sep-${i}`} role="separator" className="menu-separator" />
            ) : 'heading' in entry ? (
              <div key={`heading-${i}`} role="presentation" className="menu-heading">
                {entry.heading}
              </div>
            ) : (
              <button
                key={`${i}-${entry.label}`}
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={entry.disabled}
                title={entry.title}
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  entry.onSelect();
                }}
              >
                {entry.label}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
