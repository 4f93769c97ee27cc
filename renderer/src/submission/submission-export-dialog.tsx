/**
 * Write submission files: a repository's files (HuBMAP's metadata TSV, HTAN's manifest CSV, and
 * their companions) made from the open folder's images and saved sidecars, as
 * `acqmeta export --format` writes them; what nothing vouches for stays empty and is listed
 * with why. Each file, and the to-do, is saved through the download path of the other exports.
 */
import type { SubmissionExport } from '../../../shared/api';
import { SUBMISSION_FORMATS } from '../../../shared/submission';
import { plural } from '../lib/format';
import { saveAllSubmissionFiles, saveSubmissionFile, saveSubmissionTodo, savedName } from './submission-download';
import { selectSaveSummary } from '../store';
import { useApp } from '../store';
import { Modal } from '../kit';
import { ModalActions } from '../kit';
import { SubmissionTodoList } from './submission-todo-list';

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

function FileTable({ draft }: { draft: SubmissionExport }) {
  return (
    <table className="review-table submission-files">
      <caption className="modal-label">Files of {draft.format}</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Rows</th>
          <th scope="col">Columns</th>
          <th scope="col">Cells to fill</th>
          <th scope="col">
            <span className="sr-only">Save</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {draft.files.map((file) => (
          <tr key={file.name}>
            <td>
              <code>{file.name}</code>
            </td>
            <td>{file.rows}</td>
            <td>{file.columns}</td>
            <td>{file.todo.length}</td>
            <td>
              <button type="button" className="btn btn-small" onClick={() => saveSubmissionFile(file)}>
                Save {savedName(file)}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Unreadable({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="submission-unreadable">
      <h3 id="submission-unreadable" className="modal-label">
        Not read: what these would give is left out ({problems.length})
      </h3>
      <ul className="layout-paths small">
        {problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
    </section>
  );
}

/** The dialog, while the store has it open. */
export function SubmissionExportDialog() {
  const view = useApp((s) => s.submissionExport);
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  const draftFormat = useApp((s) => s.draftSubmissionExport);
  const close = useApp((s) => s.closeSubmissionExport);
  if (view === null) return null;
  const { draft, failure } = view;
  return (
    <Modal
      labelledBy="submission-export-title"
      describedBy="submission-export-text"
      onCancel={close}
      wide
      className="submission-export"
    >
      <h2 id="submission-export-title" className="modal-title">
        Write submission files
      </h2>
      <p id="submission-export-text" className="muted small">
        The repository’s files, made from what the images and their saved sidecars say. A cell nothing vouches for stays
        empty and is listed with why. Nothing is written to the folder. The command line writes the same files:{' '}
        <code>acqmeta export &lt;folder&gt; --format</code>.
      </p>
      <div className="layout-target">
        <label htmlFor="submission-format">Format</label>
        <select
          id="submission-format"
          className="input"
          value={view.format}
          data-autofocus
          onChange={(event) => void draftFormat(event.target.value)}
        >
          {SUBMISSION_FORMATS.map((format) => (
            <option key={format} value={format}>
              {formatLabel(format)}
            </option>
          ))}
        </select>
        <p className="small layout-verdict" role="status">
          {draft === null ? (failure === null ? 'Reading the folder…' : '') : summaryText(draft)}
        </p>
      </div>
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
          <FileTable draft={draft} />
          <Unreadable problems={draft.unreadable} />
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
      </ModalActions>
    </Modal>
  );
}
