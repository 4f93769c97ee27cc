/**
 * Errors from saves, scans and folder opening, at the bottom left: the newest few, one per
 * cause, each gone once its cause is resolved or when dismissed (its button, or Escape in it).
 */
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';

/** The error stack (confirmations appear in the status bar instead). */
export function Notices() {
  const errors = useApp(useShallow((s) => s.notices.filter((n) => n.tone === 'error')));
  const dismiss = useApp((s) => s.dismissNotice);
  return (
    <div className="notices">
      {errors.map((notice) => {
        const onKeyDown = (event: KeyboardEvent) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          dismiss(notice.id);
        };
        return (
          <div key={notice.id} className="notice notice-error" role="alert" onKeyDown={onKeyDown}>
            <svg className="icon notice-icon" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M8 1.8l6.6 12H1.4z" />
              <path d="M8 6.5v3.2M8 11.6v.4" />
            </svg>
            <span className="notice-text">{notice.text}</span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              title="Dismiss this message (Escape)"
              onClick={() => dismiss(notice.id)}
            >
              Dismiss
            </button>
          </div>
        );
      })}
    </div>
  );
}
