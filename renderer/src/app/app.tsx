/**
 * The application shell: start screen or workspace, plus the modal dialogs and notices. Each
 * capability's dialog is a chunk of its own (its door loads it when first drawn), so a dialog is
 * drawn only from the first time the store asks for it: the first screen fetches none of them.
 */
import { useState, type ComponentType } from 'react';
import { useApp, type AppState } from '../store';
import { CalibrateDialogView } from '../calibrate';
import { NameFillDialog, PasteDialog } from '../bulk';
import { ChannelTableDialog } from '../channels';
import { InstrumentCatalogueDialog } from '../instruments';
import { ConflictDialog, FileConflictDialog, ReviewDialog, SaveReportDialog } from '../save';
import { CollectionExportDialog } from '../collection';
import { ConvertDialog } from '../convert';
import { DatasetDialog } from '../dataset';
import { FolderPathDialog } from './folder-path-dialog';
import { JournalTimelineDialog, RestoreReviewDialog, TableRestoreDialog } from '../journal';
import { LayoutCheckDialog, SubmissionExportDialog } from '../submission';
import { OpenPrompt } from './open-prompt';
import { ShortcutsDialog } from './shortcuts-dialog';
import { ExportDialog, ImportDialog } from '../tables';
import { PresetSaveDialog, PresetsDialog } from '../presets';
import { Notices } from './notices';
import { CompletenessDialog, NormalizeDialog } from '../profile';
import { StartScreen } from './start-screen';
import { useDocumentState } from './use-document-state';
import { useShortcuts } from './use-shortcuts';
import { Workspace } from './workspace';
import { UploadDialog } from '../upload';
import { SearchAllFolders } from '../search';

/**
 * The capabilities' dialogs in the order they stack (a later one above), each with when the store
 * asks for it: whenever the dialog would draw anything, it holds.
 */
const DIALOGS: readonly (readonly [name: string, asked: (s: AppState) => boolean, Dialog: ComponentType])[] = [
  ['review', (s) => s.review !== null, ReviewDialog],
  ['save-report', (s) => s.saveReport !== null, SaveReportDialog],
  ['conflict', (s) => s.conflicts.length > 0, ConflictDialog],
  ['file-conflict', (s) => s.fileConflict !== null, FileConflictDialog],
  ['paste', (s) => s.pastePrompt, PasteDialog],
  ['preset', (s) => s.presetDialog !== null, PresetSaveDialog],
  ['presets', (s) => s.presetDialog !== null, PresetsDialog],
  ['name-fill', (s) => s.namePrompt, NameFillDialog],
  ['export', (s) => s.exportPrompt, ExportDialog],
  ['import', (s) => s.tableImport !== null, ImportDialog],
  ['channel-table', (s) => s.channelTable !== null, ChannelTableDialog],
  ['instruments', (s) => s.instrumentCatalogue !== null, InstrumentCatalogueDialog],
  ['dataset', (s) => s.datasetPanel !== null, DatasetDialog],
  ['timeline', (s) => s.timeline !== null, JournalTimelineDialog],
  ['restore', (s) => s.restoreReview !== null, RestoreReviewDialog],
  ['table-restore', (s) => s.tableRestore !== null, TableRestoreDialog],
  ['layout-check', (s) => s.layoutCheck !== null, LayoutCheckDialog],
  ['submission-export', (s) => s.submissionExport !== null, SubmissionExportDialog],
  ['convert', (s) => s.convertDialogOpen, ConvertDialog],
  ['collection', (s) => s.collectionExportOpen, CollectionExportDialog],
  ['calibrate', (s) => s.calibrateDialog !== null, CalibrateDialogView],
  ['upload', (s) => s.uploadDialog !== null, UploadDialog],
  ['search', (s) => s.searchView !== null, SearchAllFolders],
  ['completeness', (s) => s.completenessOpen, CompletenessDialog],
  ['normalize', (s) => s.normalizeField !== null, NormalizeDialog],
];

/**
 * `Dialog` drawn from the first time `asked` holds, and kept drawn after (it draws nothing while
 * closed, as when every dialog was drawn from the start), so its chunk is fetched on first use.
 */
function WhenAsked({ asked, Dialog }: { asked: (s: AppState) => boolean; Dialog: ComponentType }) {
  const now = useApp(asked);
  const [once, setOnce] = useState(now);
  if (now && !once) setOnce(true);
  return once || now ? <Dialog /> : null;
}

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
      {DIALOGS.map(([name, asked, Dialog]) => (
        <WhenAsked key={name} asked={asked} Dialog={Dialog} />
      ))}
      <OpenPrompt />
      <FolderPathDialog />
      <ShortcutsDialog />
    </>
  );
}
