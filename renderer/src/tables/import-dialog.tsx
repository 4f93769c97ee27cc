/**
 * The import preview: every change (image, field, old → new), every error (row, column,
 * message) and warning of a table file, applied as one undo step only when there is no error;
 * the acquisition columns the import ignored are named once.
 */
import type { ImportChange, ImportError, ImportPreview, ImportWarning } from '../../../shared/api';
import { editableField } from '../../../shared/fields/field-table';
import { ignoredColumnsMessage } from '../../../shared/acquisition/acquisition-columns';
import { useApp, useAppStore } from '../store';
import { displayValue, plural } from '../lib/format';
import { DataTable, Modal, ModalActions, OldNew, type Column } from '../kit';

/** Changes listed by row; the rest are counted. */
const SHOWN_CHANGES = 500;

const where = (row: number | null, column: string | null) =>
  [row === null ? null : `Row ${row}`, column].filter(Boolean).join(', ') || 'File';

/** The columns of the errors: where each is and what it says. */
const ERROR_COLUMNS: readonly Column<ImportError>[] = [
  { header: 'Row', className: 'num', cell: (e) => e.row ?? '–' },
  { header: 'Column', className: 'mono', cell: (e) => e.column ?? '–' },
  { header: 'Problem', cell: (e) => e.message },
];

/** The columns of the changes: image, field, old → new. */
const CHANGE_COLUMNS: readonly Column<ImportChange>[] = [
  { header: 'Image', className: 'mono', cell: (c) => c.path },
  { header: 'Field', cell: (c) => editableField(c.field)?.displayName ?? c.field },
  { header: 'Old → new', cell: (c) => <OldNew before={displayValue(c.before)} after={displayValue(c.after)} /> },
];

function ErrorTable({ errors }: { errors: readonly ImportError[] }) {
  return (
    <div className="callout callout-danger callout-stack bulk-callout">
      <p className="callout-title">{plural(errors.length, 'error')}: nothing is imported until the table is fixed</p>
      <div className="scroll-box bulk-table-scroll bulk-table-short">
        <DataTable
          label="Errors"
          className="bulk-table"
          columns={ERROR_COLUMNS}
          rows={errors}
          rowKey={(_, i) => String(i)}
        />
      </div>
    </div>
  );
}

function WarningList({ warnings }: { warnings: readonly ImportWarning[] }) {
  return (
    <div className="callout callout-warning callout-stack bulk-callout">
      <p className="callout-title">{plural(warnings.length, 'warning')}</p>
      <ul className="plain-list bulk-warnings" aria-label="Warnings">
        {warnings.map((w, i) => (
          <li key={i}>
            <strong>{where(w.row, w.column)}</strong>: {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChangeTable({ changes, blocked }: { changes: readonly ImportChange[]; blocked: boolean }) {
  return (
    <>
      <p className="modal-label bulk-label">
        {blocked ? `Changes once the errors are fixed (${changes.length})` : `Changes (${changes.length})`}
      </p>
      <div className="scroll-box bulk-table-scroll">
        <DataTable
          label="Changes"
          className="bulk-table"
          columns={CHANGE_COLUMNS}
          rows={changes.slice(0, SHOWN_CHANGES)}
          rowKey={(c) => `${c.path}\u0000${c.field}`}
        />
        {changes.length > SHOWN_CHANGES && (
          <p className="small muted">and {plural(changes.length - SHOWN_CHANGES, 'more change')}</p>
        )}
      </div>
    </>
  );
}

function title(fileName: string, preview: ImportPreview | null): string {
  if (preview === null) return `Reading ${fileName}…`;
  if (preview.errors.length > 0) return `${fileName} cannot be imported`;
  return preview.changes.length === 0 ? 'Nothing to import' : `Import ${fileName}?`;
}

function summary(fileName: string, preview: ImportPreview): string {
  const images = new Set(preview.changes.map((c) => c.path)).size;
  const rows = plural(preview.rows, 'row');
  if (preview.errors.length > 0) return `${rows} read. Fix the table where the errors say, then import it again.`;
  if (preview.changes.length === 0)
    return `${rows} read: every value in ${fileName} is what is saved already, so nothing changes.`;
  return `${rows} read: ${plural(preview.changes.length, 'change')} on ${plural(images, 'image')}, compared with what is saved on disk.`;
}

/** The dialog, shown while a table import is read or previewed. */
export function ImportDialog() {
  const store = useAppStore();
  const imported = useApp((s) => s.tableImport);
  if (!imported) return null;
  const { fileName, preview } = imported;
  const clean = preview !== null && preview.errors.length === 0 && preview.changes.length > 0;
  const close = () => store.getState().closeImport();
  return (
    <Modal labelledBy="import-title" title={title(fileName, preview)} describedBy="import-text" onCancel={close} wide>
      <p id="import-text">
        {preview === null ? 'Checking every row against the sidecars on disk.' : summary(fileName, preview)}
      </p>
      {preview?.ignoredColumns && (
        <p className="small muted bulk-note" title={preview.ignoredColumns.join(', ')}>
          {ignoredColumnsMessage(preview.ignoredColumns)}.
        </p>
      )}
      {preview && preview.errors.length > 0 && <ErrorTable errors={preview.errors} />}
      {preview && preview.warnings.length > 0 && <WarningList warnings={preview.warnings} />}
      {preview && preview.changes.length > 0 && (
        <ChangeTable changes={preview.changes} blocked={preview.errors.length > 0} />
      )}
      {clean && (
        <p className="small muted bulk-note">
          The changes become unsaved edits, one step you can undo; saving writes them.
        </p>
      )}
      <ModalActions onCancel={close} cancelLabel={clean ? 'Cancel' : 'Close'} focusCancel={!clean}>
        {clean && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => store.getState().applyImport()}
            data-autofocus
          >
            Apply {plural(preview.changes.length, 'change')}
          </button>
        )}
      </ModalActions>
    </Modal>
  );
}
