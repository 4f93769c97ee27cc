/** The application shell: start screen or workspace, plus the modal dialogs and notices. */
import { useApp } from '../store/store-context';
import { CalibrateDialogView } from './calibrate/calibrate-dialog';
import { BulkDialogs } from './dialogs/bulk-dialogs';
import { ChannelTableDialog } from './dialogs/channel-table-dialog';
import { InstrumentCatalogueDialog } from './dialogs/instrument-catalogue-dialog';
import { ConflictDialog } from './dialogs/conflict-dialog';
import { CollectionExportDialog } from './collection/collection-export-dialog';
import { ConvertDialog } from './convert/convert-dialog';
import { FileConflictDialog } from './dialogs/file-conflict-dialog';
import { FolderPathDialog } from './dialogs/folder-path-dialog';
import { JournalTimelineDialog } from './dialogs/journal-timeline-dialog';
import { RestoreReviewDialog } from './dialogs/restore-review-dialog';
import { TableRestoreDialog } from './dialogs/table-restore-dialog';
import { LayoutCheckDialog } from './submission/layout-check-dialog';
import { SubmissionExportDialog } from './submission/submission-export-dialog';
import { OpenPrompt } from './dialogs/open-prompt';
import { ShortcutsDialog } from './dialogs/shortcuts-dialog';
import { PasteDialog } from './dialogs/paste-dialog';
import { ReviewDialog } from './dialogs/review-dialog';
import { SaveReportDialog } from './dialogs/save-report-dialog';
import { Notices } from './notices';
import { CompletenessDialog } from './profile/completeness-dialog';
import { NormalizeDialog } from './profile/normalize-dialog';
import { StartScreen } from './start-screen';
import { useDocumentState } from './use-document-state';
import { useShortcuts } from './use-shortcuts';
import { Workspace } from './workspace';

/** The whole UI. */
export function App() {
  const loaded = useApp((s) => s.session !== null);
  const startupError = useApp((s) => s.startupError);
  const hasFolder = useApp((s) => s.folder !== null);
  const loadSession = useApp((s) => s.loadSession);
  useDocumentState();
  useShortcuts();

  if (startupError) {
    return (
      <div className="app-message" role="alert">
        <h1>AcqMeta could not start</h1>
        <p>{startupError}</p>
        <button type="button" className="btn btn-primary" onClick={() => void loadSession()}>
          Try again
        </button>
      </div>
    );
  }
  if (!loaded) return <div className="app-message app-message-quiet">Loading…</div>;
  return (
    <>
      {hasFolder ? <Workspace /> : <StartScreen />}
      <Notices />
      <ReviewDialog />
      <SaveReportDialog />
      <ConflictDialog />
      <FileConflictDialog />
      <PasteDialog />
      <BulkDialogs />
      <ChannelTableDialog />
      <InstrumentCatalogueDialog />
      <JournalTimelineDialog />
      <RestoreReviewDialog />
      <TableRestoreDialog />
      <LayoutCheckDialog />
      <SubmissionExportDialog />
      <ConvertDialog />
      <CollectionExportDialog />
      <CalibrateDialogView />
      <CompletenessDialog />
      <NormalizeDialog />
      <OpenPrompt />
      <FolderPathDialog />
      <ShortcutsDialog />
    </>
  );
}
