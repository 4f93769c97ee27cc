/** Shown when no folder is open: open one, the sample folder, or a recent one. */
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { RecentFolderList } from '../kit';

/** The start screen. */
export function StartScreen() {
  const sample = useApp((s) => s.session?.sampleFolder ?? null);
  const recent = useApp(useShallow((s) => s.session?.recent ?? []));
  const opening = useApp((s) => s.opening);
  const requestOpenFolder = useApp((s) => s.requestOpenFolder);

  return (
    <main className="start">
      <div className="start-card">
        <h1 className="start-title">AcqMeta</h1>
        <p className="start-lead">
          Edit the experiment metadata kept in CloudScope sidecars next to your microscopy images.
        </p>
        <div className="start-actions">
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={opening}
            onClick={() => requestOpenFolder()}
          >
            Open folder…
          </button>
          {sample && (
            <button
              type="button"
              className="btn btn-large"
              disabled={opening}
              onClick={() => requestOpenFolder(sample)}
            >
              Open sample folder
            </button>
          )}
        </div>
        <section className="start-recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="section-title">
            Recent folders
          </h2>
          {recent.length === 0 ? (
            <p className="muted">Folders you open appear here.</p>
          ) : (
            <RecentFolderList folders={recent} disabled={opening} onOpen={(folder) => requestOpenFolder(folder)} />
          )}
        </section>
        <p className="start-hint muted">
          Sidecars are the <code>image.tif.json</code> files CloudScope reads. Nothing is written until you save.
        </p>
      </div>
    </main>
  );
}
