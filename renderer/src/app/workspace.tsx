/** The main screen: toolbar, image table, editor panel and status bar. */
import { useApp } from '../store';
import { EditorPanel, PanelSplitter } from '../editor';
import { ScanProgress } from './scan-progress';
import { StatusBar } from './status-bar';
import { ImageTable } from '../table';
import { TableToolbar } from './table-toolbar';
import { Toolbar } from './toolbar';

/** Everything shown while a folder is open. */
export function Workspace() {
  const panelWidth = useApp((s) => s.panelWidth);
  return (
    <div className="workspace">
      <Toolbar />
      <ScanProgress />
      <main className="workspace-main" style={{ gridTemplateColumns: `minmax(0, 1fr) auto ${panelWidth}px` }}>
        <section className="table-pane" aria-label="Images">
          <TableToolbar />
          <ImageTable />
        </section>
        <PanelSplitter />
        <EditorPanel />
      </main>
      <StatusBar />
    </div>
  );
}
