/**
 * The "Fill from file names" form: a pattern, a live preview of what it takes from each selected
 * image's file name (unmatched names flagged, invalid values with their message), then one-step
 * Apply. Loaded on first use with the pattern engine (see name-fill-dialog.tsx).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { editableField } from '../../../shared/fields/field-table';
import { previewNameFill, type NameFillPreview, type NameFillRow } from './name-fill';
import { selectEditablePaths, useApp, useAppStore } from '../store';
import { selectDateFieldsByPath } from '../profile';
import { baseName, displayValue, plural } from '../lib/format';
import { FieldRow, Modal, ModalActions } from '../kit';

/** Rows shown in the preview; the rest are counted. */
const SHOWN_ROWS = 200;

function PreviewCells({ row, fields }: { row: NameFillRow; fields: readonly string[] }) {
  if (row.taken === null) {
    return (
      <td colSpan={fields.length} className="name-unmatched">
        No match: left as it is
      </td>
    );
  }
  return (
    <>
      {fields.map((field) => {
        const taken = row.taken?.[field];
        if (!taken) return <td key={field} />;
        return taken.ok ? (
          <td key={field}>{displayValue(taken.value)}</td>
        ) : (
          <td key={field} className="name-invalid">
            <span className="mono">{taken.text}</span>
            <span className="small"> — {taken.message}</span>
          </td>
        );
      })}
    </>
  );
}

function PreviewTable({ preview }: { preview: Extract<NameFillPreview, { ok: true }> }) {
  const shown = preview.rows.slice(0, SHOWN_ROWS);
  return (
    <div className="scroll-box bulk-table-scroll">
      <table className="review-table bulk-table" aria-label="Preview">
        <thead>
          <tr>
            <th scope="col">File</th>
            {preview.fields.map((field) => (
              <th key={field} scope="col">
                {editableField(field)?.displayName ?? field}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.path} className={row.taken === null ? 'is-unmatched' : undefined}>
              <th scope="row" className="mono" title={row.path}>
                {baseName(row.path)}
              </th>
              <PreviewCells row={row} fields={preview.fields} />
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rows.length > SHOWN_ROWS && (
        <p className="small muted">and {plural(preview.rows.length - SHOWN_ROWS, 'more image')}</p>
      )}
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
