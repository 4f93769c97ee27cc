/** Reflects app state on the document: readiness marker, theme and window title. */
import { useEffect } from 'react';
import { selectHasUnsaved, useApp } from '../store';

/**
 * Sets `<html data-app-state>` to `ready` once the session is known and the folder (if any) is
 * fully listed (or its scan was cancelled), `data-theme` to the chosen theme, and the title to the folder's name.
 */
export function useDocumentState(): void {
  const ready = useApp(
    (s) =>
      s.session !== null &&
      !s.opening &&
      (s.folder === null || ['done', 'failed', 'cancelled'].includes(s.scan.status)),
  );
  const theme = useApp((s) => s.theme);
  const folderName = useApp((s) => s.folder?.name ?? null);
  const unsaved = useApp(selectHasUnsaved);

  useEffect(() => {
    document.documentElement.dataset.appState = ready ? 'ready' : 'loading';
  }, [ready]);

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.title = folderName ? `${unsaved ? '• ' : ''}${folderName} — AcqMeta` : 'AcqMeta';
  }, [folderName, unsaved]);
}
