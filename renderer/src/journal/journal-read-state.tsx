/** How the change journal's reading shows: still being read, failed, or lines it could not read. */
import { plural } from '../lib/format';
import type { JournalView } from './journal-slice';

/** The journal lines that could not be read, as a quiet note. */
export function JournalProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <details className="disclosure journal-problems">
      <summary className="muted">{plural(problems.length, 'journal line')} could not be read</summary>
      <ul className="plain-list small muted">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </details>
  );
}

/** What stands for a change journal still being read (null: asked for, not yet there) or that could not be read. */
export function JournalReadState({ view }: { view: JournalView | null }) {
  if (view?.status === 'failed')
    return <p className="small field-error">The change journal could not be read: {view.error}</p>;
  return (
    <p className="muted small" role="status">
      Reading the change journal…
    </p>
  );
}
