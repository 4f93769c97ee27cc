/**
 * A titled list of files, each with what is said of it (why it was refused, what became of it),
 * the first of many only: a dialog about thousands of images stays short.
 */
import { useId } from 'react';
import { formatCount, plural } from '../lib/format';

/** Files listed by name before the rest are counted. */
const SHOWN = 50;

/** One file and what is said of it (empty: its name alone; no file: the words alone). */
export interface PathNote {
  path: string;
  text: string;
}

/** `path: text`, the path in code type. */
function PathNoteText({ note }: { note: PathNote }) {
  return (
    <>
      <span className="mono">{note.path}</span>
      {note.text === '' ? '' : `: ${note.text}`}
    </>
  );
}

/** The list under its title and count; nothing when there are no notes. */
export function PathNotes({ title, notes }: { title: string; notes: readonly PathNote[] }) {
  const id = useId();
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="modal-label convert-list-title">
        {title} ({formatCount(notes.length)})
      </h3>
      {/* a long list scrolls: focusable, so that a keyboard scrolls it too */}
      <ul className="layout-paths small" tabIndex={0} aria-labelledby={id}>
        {notes.slice(0, SHOWN).map((note, i) => (
          <li key={i}>{note.path === '' ? note.text : <PathNoteText note={note} />}</li>
        ))}
        {notes.length > SHOWN && <li className="muted">and {plural(notes.length - SHOWN, 'more file')}</li>}
      </ul>
    </section>
  );
}
