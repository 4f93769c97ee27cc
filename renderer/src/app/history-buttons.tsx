/** Undo and Redo buttons, each saying what it would do (browser mode has no native Edit menu). */
import { useShallow } from 'zustand/react/shallow';
import { selectUndoLabels, useApp } from '../store';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The two buttons. */
export function HistoryButtons() {
  const labels = useApp(useShallow(selectUndoLabels));
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  return (
    <div className="history-buttons" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="btn btn-icon"
        disabled={labels.undo === null}
        aria-label={labels.undo ?? 'Nothing to undo'}
        title={`${labels.undo ?? 'Nothing to undo'} (${MOD}Z)`}
        onClick={() => undo()}
      >
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M5.5 3.5L2.5 6.5l3 3" />
          <path d="M2.8 6.5h6.7a3.5 3.5 0 010 7H7" />
        </svg>
      </button>
      <button
        type="button"
        className="btn btn-icon"
        disabled={labels.redo === null}
        aria-label={labels.redo ?? 'Nothing to redo'}
        title={`${labels.redo ?? 'Nothing to redo'} (${MOD === '⌘' ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}
        onClick={() => redo()}
      >
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M10.5 3.5l3 3-3 3" />
          <path d="M13.2 6.5H6.5a3.5 3.5 0 000 7H9" />
        </svg>
      </button>
    </div>
  );
}
