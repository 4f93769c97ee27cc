/** The application shell: start screen or workspace, plus the modal dialogs and notices. */
import { useApp } from '../store';
import { CalibrateDialogView } from '../calibrate';
import { BulkDialogs } from '../bulk';
import { ChannelTableDialog } from '../channels';
import { InstrumentCatalogueDialog } from '../instruments';
import { ConflictDialog } from '../save';
import { CollectionExportDialog } from '../collection';
import { ConvertDialog } from '../convert';
import { FileConflictDialog } from '../save';
import { FolderPathDialog } from './folder-path-dialog';
import { JournalTimelineDialog } from '../journal';
import { RestoreReviewDialog } from '../journal';
import { TableRestoreDialog } from '../journal';
import { LayoutCheckDialog } from '../submission';
import { SubmissionExportDialog } from '../submission';
import { OpenPrompt } from './open-prompt';
import { ShortcutsDialog } from './shortcuts-dialog';
import { PasteDialog } from '../bulk';
import { ReviewDialog } from '../save';
import { SaveReportDialog } from '../save';
import { Notices } from './notices';
import { CompletenessDialog } from '../profile';
import { NormalizeDialog } from '../profile';
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
