/** The Problems cell: how many things keep an image from being ready (listed on hover), or a check when a profile finds none. */
import type { ImageRow } from '../../../shared/api';
import { type PathEdits, problemMessages, useApp } from '../store';

/** The cell of one row; `edits` are the row's pending edits. */
export function ProblemsCell({ row, edits }: { row: ImageRow; edits: PathEdits | undefined }) {
  const live = useApp((s) => s.liveProblems[row.path]);
  const messages = problemMessages(row, edits, live === undefined ? {} : { [row.path]: live });
  if (messages.length === 0) {
    return (
      <div role="gridcell" className="cell align-end cell-problems">
        {row.profile !== null && (
          <span className="problems-ready" title="Ready: the lab profile finds nothing wrong">
            <span aria-hidden="true">✓</span>
            <span className="sr-only">Ready</span>
          </span>
        )}
      </div>
    );
  }
  const text = messages.join('\n');
  return (
    <div role="gridcell" className="cell align-end cell-problems" title={text}>
      <span className="problems-count">
        {messages.length}
        <span className="sr-only">
          {' '}
          {messages.length === 1 ? 'problem' : 'problems'}: {text}
        </span>
      </span>
    </div>
  );
}
