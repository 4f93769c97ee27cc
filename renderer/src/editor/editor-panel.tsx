/** The right-hand panel: edits the selected image, or all selected images at once. */
import { selectVisiblePaths, useApp, useAppStore } from '../store';
import { formatCount, plural } from '../lib/format';
import { MultiEditor } from './multi-editor';
import { SingleEditor } from './single-editor';

function NothingSelected() {
  const store = useAppStore();
  const total = useApp((s) => s.rowOrder.length);
  const shown = useApp((s) => selectVisiblePaths(s).length);
  return (
    <div className="panel-empty">
      <p className="panel-empty-title">No image selected</p>
      <p className="muted">
        Click a row to see its header and edit its metadata. Shift-click or Ctrl-click rows to edit many at once.
      </p>
      {shown > 1 && (
        <button type="button" className="btn" onClick={() => store.getState().selectAllVisible()}>
          {shown === total ? `Select all ${plural(total, 'image')}` : `Select all ${formatCount(shown)} shown`}
        </button>
      )}
    </div>
  );
}

/** The editor panel. */
export function EditorPanel() {
  const count = useApp((s) => s.selected.size);
  const single = useApp((s) => (s.selected.size === 1 ? (s.selected.values().next().value ?? null) : null));
  return (
    <aside className="editor-panel" aria-label="Editor">
      {count === 0 ? (
        <NothingSelected />
      ) : single !== null ? (
        <SingleEditor key={single} path={single} />
      ) : (
        <MultiEditor />
      )}
    </aside>
  );
}
