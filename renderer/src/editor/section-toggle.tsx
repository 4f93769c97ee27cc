/** The heading of a panel section that folds: a chevron, the title, and a summary while folded. */
import type { ReactNode } from 'react';

/** What the heading shows and does. */
interface SectionToggleProps {
  /** The button's id (the section is labelled by it). */
  id: string;
  open: boolean;
  onToggle: () => void;
  /** The id of the body it shows and hides, when the body is always in the page. */
  controls?: string;
  title: ReactNode;
  /** Shown beside the title while the section is folded. */
  summary?: ReactNode;
}

/** The section's `h3` with its fold button. */
export function SectionToggle({ id, open, onToggle, controls, title, summary }: SectionToggleProps) {
  return (
    <h3 className="section-title">
      <button
        id={id}
        type="button"
        className="section-toggle"
        aria-expanded={open}
        {...(controls === undefined ? {} : { 'aria-controls': controls })}
        onClick={onToggle}
      >
        <svg className="icon icon-small section-chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M6 4l4 4-4 4" />
        </svg>
        {title}
        {!open && summary ? <span className="section-summary">{summary}</span> : null}
      </button>
    </h3>
  );
}
