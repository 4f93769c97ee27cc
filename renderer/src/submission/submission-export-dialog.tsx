/**
 * Write submission files: a repository's files (HuBMAP's metadata TSV, HTAN's manifest CSV, and
 * their companions) made from the open folder's images and saved sidecars, as
 * `acqmeta export --format` writes them; what nothing vouches for stays empty and is listed
 * with why. Each file, and the to-do, is saved through the download path of the other exports.
 */
import type { SubmissionExport, SubmissionExportFile } from '../../../shared/api';
import { SUBMISSION_FORMATS } from '../../../shared/submission';
import { plural } from '../lib/format';
import { saveAllSubmissionFiles, saveSubmissionFile, saveSubmissionTodo, savedName } from './submission-download';
import { selectSaveSummary, useApp } from '../store';
import { DataTable, Modal, ModalActions, NextDialogButton, PathNotes, type Column } from '../kit';
import { SubmissionTodoList } from './submission-todo-list';
import { TargetSelect } from './target-select';

/** Each repository's name and the kind of file its format is. */
const REPOSITORIES: Readonly<Record<string, { name: string; file: string; titled: boolean }>> = {
  hubmap: { name: 'HuBMAP', file: 'metadata TSV', titled: false },
  htan: { name: 'HTAN', file: 'manifest CSV', titled: true },
};

/** `HuBMAP confocal (metadata TSV)`, `HTAN Imaging Level 2 (manifest CSV)`. */
export function formatLabel(format: string): string {
  const [prefix = '', assay = format] = format.split(':');
  const repository = REPOSITORIES[prefix];
  if (repository === undefined) return format;
  const words = repository.titled
    ? assay.replace(/-/g, ' ').replace(/\b[a-z]/g, (letter) => letter.toUpperCase())
    : assay;
  return `${repository.name} ${words} (${repository.file})`;
}

/** `6 images read: 11 required cells to fill, 2 optional.` */
function summaryText(draft: SubmissionExport): string {
  const todo = draft.files.flatMap((file) => file.todo);
  const required = todo.filter((item) => item.required).length;
  const state =
    todo.length === 0
      ? 'nothing left to fill'
      : `${plural(required, 'required cell')} to fill, ${todo.length - required} optional`;
  return `${plural(draft.imageCount, 'image')} read: ${state}.`;
}

/** The columns of the files: name, rows, columns, cells to fill, and its Save. */
const FILE_COLUMNS: readonly Column<SubmissionExportFile>[] = [
  { header: 'File', cell: (file) => <code>{file.name}</code> },
  { header: 'Rows', cell: (file) => file.rows },
  { header: 'Columns', cell: (file) => file.columns },
  { header: 'Cells to fill', cell: (file) => file.todo.length },
  {
    header: <span className="sr-only">Save</span>,
    cell: (file) => (
      <button type="button" className="btn btn-small" onClick={() => saveSubmissionFile(file)}>
        Save {savedName(file)}
      </button>
    ),
  },
];

/** The dialog, while the store has it open. */
export function SubmissionExportDialog() {
  const view = useApp((s) => s.submissionExport);
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  const draftFormat = useApp((s) => s.draftSubmissionExport);
  const close = useApp((s) => s.closeSubmissionExport);
  const openUpload = useApp((s) => s.openUpload);
  if (view === null) return null;
  const { draft, failure } = view;
  return (
    <Modal
      labelledBy="submission-export-title"
      title="Write submission files"
      describedBy="submission-export-text"
      onCancel={close}
      wide
      className="submission-export"
    >
      <p id="submission-export-text" className="muted small">
        The repository’s files, made from what the images and their saved sidecars say. A cell nothing vouches for stays
        empty and is listed with why. Nothing is written to the folder. The command line writes the same files:{' '}
        <code>acqmeta export &lt;folder&gt; --format</code>.
      </p>
      <TargetSelect
        id="submission-format"
        label="Format"
        value={view.format}
        options={SUBMISSION_FORMATS.map((format) => ({ value: format, label: formatLabel(format) }))}
        onChange={(format) => void draftFormat(format)}
        autoFocus
      >
        <p className="small layout-verdict" role="status">
          {draft === null ? (failure === null ? 'Reading the folder…' : '') : summaryText(draft)}
        </p>
      </TargetSelect>
      {unsaved > 0 && (
        <p className="callout callout-warning small">
          {plural(unsaved, 'image')} {unsaved === 1 ? 'has' : 'have'} unsaved changes: the files hold what is saved on
          disk.
        </p>
      )}
      {failure !== null && (
        <p className="form-error small" role="alert">
          {failure}
        </p>
      )}
      {draft !== null && (
        <>
          <DataTable
            caption={`Files of ${draft.format}`}
            className="submission-files"
            columns={FILE_COLUMNS}
            rows={draft.files}
            rowKey={(file) => file.name}
          />
          <PathNotes
            title="Not read: what these would give is left out"
            notes={draft.unreadable.map((problem) => ({ path: '', text: problem }))}
          />
          <SubmissionTodoList files={draft.files} />
        </>
      )}
      <ModalActions onCancel={close} cancelLabel="Close">
        <button
          type="button"
          className="btn btn-primary"
          disabled={draft === null}
          onClick={() => draft !== null && void saveAllSubmissionFiles(draft)}
        >
          Save all
        </button>
        <button
          type="button"
          className="btn"
          disabled={draft === null || draft.files.every((file) => file.todo.length === 0)}
          onClick={() => draft !== null && saveSubmissionTodo(draft)}
        >
          Save to-do list
        </button>
        <NextDialogButton
          title="The whole upload built from the folder: these files, the raw files, OME-TIFF copies, reviewed first"
          leave={close}
          open={openUpload}
        >
          Build upload…
        </NextDialogButton>
      </ModalActions>
    </Modal>
  );
}
