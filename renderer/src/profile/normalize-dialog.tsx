/**
 * Normalize a field's values: every distinct value in the folder with its count, the variants
 * flagged (a synonym the profile names, a compact date where dates are written YYYY-MM-DD, a
 * value outside its closed vocabulary, the same words in another case or spacing) with what they would become; the user edits the replacements,
 * sees what will change and applies them as one undo step (saved through the usual review).
 */
import { useState } from 'react';
import { editableField } from '../../../shared/fields/field-table';
import { effectiveReplacements, type VariantReason } from './normalize-plan';
import { useApp, useAppStore } from '../store';
import { formatCount, plural } from '../lib/format';
import { DataTable, Modal, ModalActions, OldNew } from '../kit';
import { useDistinctValues } from './use-variants';

const REASONS: Readonly<Record<VariantReason, string>> = {
  synonym: 'synonym in the profile',
  'compact-date': 'the same date, written YYYYMMDD',
  'not-allowed': 'not an allowed value',
  'near-duplicate': 'differs only in case or spacing',
};

/** Changes listed in the summary before the rest are counted. */
const SHOWN_CHANGES = 6;

/** A value's replacement as typed, with the note that saving refuses it when it is not an allowed value. */
function TargetInput(props: {
  value: string;
  target: string;
  onChange: (target: string) => void;
  listId: string;
  outside: (to: string) => boolean;
  first: boolean;
}) {
  const { value, target, onChange, listId, outside, first } = props;
  const to = target.trim();
  return (
    <>
      <input
        className="input"
        list={listId}
        aria-label={`${value} becomes`}
        placeholder="keep"
        spellCheck={false}
        autoComplete="off"
        value={target}
        onChange={(e) => onChange(e.target.value)}
        {...(first ? { 'data-autofocus': true } : {})}
      />
      {to !== '' && to !== value && outside(to) && (
        <p className="field-note field-note-problem">not one of the allowed values: saving will refuse it</p>
      )}
    </>
  );
}

/** The dialog, shown while `normalizeField` is set. */
export function NormalizeDialog() {
  const name = useApp((s) => s.normalizeField);
  return name === null ? null : <NormalizeForm key={name} name={name} />;
}

function NormalizeForm({ name }: { name: string }) {
  const store = useAppStore();
  const values = useDistinctValues(name);
  const allowed = useApp((s) => s.profiles?.flatMap((p) => p.fields).find((r) => r.field === name)?.enum);
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(values.map((v) => [v.value, v.suggestion])),
  );
  const displayName = editableField(name)?.displayName ?? name;
  const replacements = effectiveReplacements(
    values.map((v) => ({ from: v.value, to: (targets[v.value] ?? '').trim() })),
  );
  const count = (value: string) => values.find((v) => v.value === value)?.images ?? 0;
  const images = replacements.reduce((sum, r) => sum + count(r.from), 0);
  const total = values.reduce((sum, v) => sum + v.images, 0);
  const listId = `normalize-${name}-values`;
  const close = () => store.getState().closeNormalize();
  const submit = () => {
    if (replacements.length > 0) store.getState().applyNormalize(name, replacements);
  };
  const firstVariant = Math.max(
    0,
    values.findIndex((v) => v.reason !== null),
  );
  const outside = (to: string) => allowed !== undefined && !allowed.includes(to);
  return (
    <Modal
      labelledBy="normalize-title"
      title={`Normalize ${displayName}`}
      describedBy="normalize-text"
      onCancel={close}
      onSubmit={submit}
      wide
    >
      <p id="normalize-text" className="small muted">
        {plural(values.length, 'distinct value')} on {plural(total, 'image')} of the folder (unsaved changes included).
        Type what a value becomes, or leave it empty to keep it; variants come filled in.
      </p>
      <datalist id={listId}>
        {[...new Set([...(allowed ?? []).map(String), ...values.map((v) => v.value)])].map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <div className="normalize-scroll">
        <DataTable
          className="normalize-table"
          columns={[
            {
              header: 'Value',
              rowHeader: true,
              cell: (v) => (
                <>
                  <span className="normalize-value">{v.value}</span>
                  {v.reason !== null && <span className="normalize-reason">{REASONS[v.reason]}</span>}
                </>
              ),
            },
            { header: 'Images', className: 'num', headerClassName: 'num', cell: (v) => formatCount(v.images) },
            {
              header: 'Becomes',
              cell: (v, i) => (
                <TargetInput
                  value={v.value}
                  target={targets[v.value] ?? ''}
                  onChange={(to) => setTargets({ ...targets, [v.value]: to })}
                  listId={listId}
                  outside={outside}
                  first={i === firstVariant}
                />
              ),
            },
          ]}
          rows={values}
          rowKey={(v) => v.value}
          rowClass={(v) => (v.reason === null ? undefined : 'is-variant')}
        />
      </div>
      <div className="normalize-summary" role="status">
        {replacements.length === 0 ? (
          <p className="muted">Nothing will change.</p>
        ) : (
          <>
            <p className="modal-label">Will change {plural(images, 'image')}:</p>
            <ul className="change-list">
              {replacements.slice(0, SHOWN_CHANGES).map((r) => (
                <li key={r.from}>
                  <OldNew before={r.from} after={r.to} /> ({plural(count(r.from), 'image')})
                </li>
              ))}
              {replacements.length > SHOWN_CHANGES && (
                <li className="muted">and {plural(replacements.length - SHOWN_CHANGES, 'more value')}</li>
              )}
            </ul>
          </>
        )}
      </div>
      <ModalActions onCancel={close}>
        <button type="submit" className="btn btn-primary" disabled={replacements.length === 0}>
          {replacements.length === 0 ? 'Replace' : `Replace on ${plural(images, 'image')}`}
        </button>
      </ModalActions>
    </Modal>
  );
}
