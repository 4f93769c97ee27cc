/**
 * The "Fill from file names" form: a pattern, a live preview of what it takes from each selected
 * image's file name (unmatched names flagged, invalid values with their message), then one-step
 * Apply. Loaded on first use with the pattern engine (see name-fill-dialog.tsx).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { editableField } from '../../../shared/fields/field-table';
import { baseName } from '../../../shared/columns';
import { previewNameFill, type NameFillPreview, type NameFillRow } from './name-fill';
import { selectEditablePaths, useApp, useAppStore } from '../store';
import { selectDateFieldsByPath } from '../profile';
import { displayValue, plural } from '../lib/format';
import { DataTable, FieldRow, Modal, ModalActions, type Column } from '../kit';

/** Rows shown in the preview; the rest are counted. */
const SHOWN_ROWS = 200;

/** A field's cell: the value taken, or the text that is not valid with its message. */
function TakenCell({ row, field }: { row: NameFillRow; field: string }) {
  const taken = row.taken?.[field];
  if (!taken) return null;
  return taken.ok ? (
    displayValue(taken.value)
  ) : (
    <span className="name-invalid">
      <span className="mono">{taken.text}</span>
      <span className="small"> — {taken.message}</span>
    </span>
  );
}

function PreviewTable({ preview }: { preview: Extract<NameFillPreview, { ok: true }> }) {
  const columns: Column<NameFillRow>[] = [
    { header: 'File', rowHeader: true, className: 'mono', title: (row) => row.path, cell: (row) => baseName(row.path) },
    ...preview.fields.map((field) => ({
      header: editableField(field)?.displayName ?? field,
      cell: (row: NameFillRow) => <TakenCell row={row} field={field} />,
    })),
  ];
  const unshown = preview.rows.length - SHOWN_ROWS;
  return (
    <div className="scroll-box bulk-table-scroll">
      <DataTable
        className="bulk-table"
        label="Preview"
        columns={columns}
        rows={preview.rows.slice(0, SHOWN_ROWS)}
        rowKey={(row) => row.path}
        headedWhenEmpty
        rowClass={(row) => (row.taken === null ? 'is-unmatched' : undefined)}
        spanned={(row) =>
          row.taken === null ? <span className="name-unmatched">No match: left as it is</span> : undefined
        }
        more={unshown > 0 && `and ${plural(unshown, 'more image')}`}
      />
    </div>
  );
}

function Summary({ preview, total }: { preview: NameFillPreview; total: number }) {
  if (!preview.ok) {
    return (
      <p className="form-error small" role="alert">
        This pattern cannot be used: {preview.message}
      </p>
    );
  }
  const unmatched = total - preview.matched;
  return (
    <p className="small name-summary" role="status">
      {preview.matched} of {plural(total, 'name')} match
      {unmatched > 0 && <span className="name-flag"> · {plural(unmatched, 'name')} without a match</span>}
      {preview.invalid > 0 && (
        <span className="name-flag-invalid"> · {plural(preview.invalid, 'value')} not valid (left out)</span>
      )}
    </p>
  );
}

/** The dialog's content. */
export function NameFillForm() {
  const store = useAppStore();
  const paths = useApp(selectEditablePaths);
  const recent = useApp((s) => s.recentPatterns);
  const [pattern, setPattern] = useState(() => recent[0] ?? '');
  const dateFields = useApp(selectDateFieldsByPath);
  const deferred = useDeferredValue(pattern);
  const preview = useMemo(
    () => (deferred.trim() === '' ? null : previewNameFill(deferred, paths, dateFields)),
    [deferred, paths, dateFields],
  );
  const filled = preview?.ok
    ? preview.rows.filter((r) => r.taken && Object.values(r.taken).some((t) => t.ok)).length
    : 0;
  const close = () => store.getState().closeNamePrompt();
  const submit = () => {
    if (filled > 0 && deferred === pattern) void store.getState().fillFromNames(pattern);
  };
  return (
    <Modal
      labelledBy="names-title"
      title="Fill from file names"
      describedBy="names-text"
      onCancel={close}
      wide
      onSubmit={submit}
    >
      <p id="names-text">
        Takes field values from the names of the {plural(paths.length, 'selected image')}. In a pattern,{' '}
        <code>{'{field}'}</code> takes text for a field and <code>{'{*}'}</code> skips text; or write <code>re:</code>{' '}
        and a regular expression with groups named after fields.
      </p>
      <FieldRow id="name-pattern" label="Pattern">
        {(control) => (
          <input
            {...control}
            className="input mono name-pattern-input"
            value={pattern}
            placeholder="{date}_{genotype}_m{*}_{region}.tif"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setPattern(e.target.value)}
            data-autofocus
          />
        )}
      </FieldRow>
      {recent.length > 0 && (
        <div className="name-recent small">
          <span className="muted">Recent:</span>
          {recent.map((p) => (
            <button key={p} type="button" className="link-button mono" onClick={() => setPattern(p)}>
              {p}
            </button>
          ))}
        </div>
      )}
      {preview && <Summary preview={preview} total={paths.length} />}
      {preview?.ok && <PreviewTable preview={preview} />}
      <ModalActions onCancel={close}>
        <button type="submit" className="btn btn-primary" disabled={filled === 0}>
          {filled === 0 ? 'Fill' : `Fill ${plural(filled, 'image')}`}
        </button>
      </ModalActions>
    </Modal>
  );
}
