/**
 * Normalize a field's values: every distinct value in the folder with its count, the variants
 * flagged (a synonym the profile names, a compact date where dates are written YYYY-MM-DD, a
 * value outside its closed vocabulary, the same words in another case or spacing) with what they would become; the user edits the replacements,
 * sees what will change and applies them as one undo step (saved through the usual review).
 */
import { useState, type FormEvent } from 'react';
import { editableField } from '../../../shared/fields/field-table';
import { effectiveReplacements, type DistinctValue, type VariantReason } from './normalize-plan';
import { useApp, useAppStore } from '../store';
import { formatCount, plural } from '../lib/format';
import { Modal } from '../kit';
import { ModalActions } from '../kit';
import { useDistinctValues } from './use-variants';

const REASONS: Readonly<Record<VariantReason, string>> = {
  synonym: 'synonym in the profile',
  'compact-date': 'the same date, written YYYYMMDD',
  'not-allowed': 'not an allowed value',
  'near-duplicate': 'differs only in case or spacing',
};

/** Changes listed in the summary before the rest are counted. */
const SHOWN_CHANGES = 6;

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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (replacements.length > 0) store.getState().applyNormalize(name, replacements);
  };
  const firstVariant = Math.max(
    0,
    values.findIndex((v) => v.reason !== null),
  );
  const outside = (to: string) => allowed !== undefined && !allowed.includes(to);
  return (
    <Modal labelledBy="normalize-title" describedBy="normalize-text" onCancel={close} wide>
      <form onSubmit={submit}>
        <h2 id="normalize-title" className="modal-title">
          Normalize {displayName}
        </h2>
        <p id="normalize-text" className="small muted">
          {plural(values.length, 'distinct value')} on {plural(total, 'image')} of the folder (unsaved changes
          included). Type what a value becomes, or leave it empty to keep it; variants come filled in.
        </p>
        <datalist id={listId}>
          {[...new Set([...(allowed ?? []).map(String), ...values.map((v) => v.value)])].map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <div className="normalize-scroll">
          <table className="review-table normalize-table">
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col" className="num">
                  Images
                </th>
                <th scope="col">Becomes</th>
              </tr>
            </thead>
            <tbody>
              {values.map((v: DistinctValue, i) => {
                const to = (targets[v.value] ?? '').trim();
                return (
                  <tr key={v.value} className={v.reason === null ? undefined : 'is-variant'}>
                    <th scope="row">
                      <span className="normalize-value">{v.value}</span>
                      {v.reason !== null && <span className="normalize-reason">{REASONS[v.reason]}</span>}
                    </th>
                    <td className="num">{formatCount(v.images)}</td>
                    <td>
                      <input
                        className="input"
                        list={listId}
                        aria-label={`${v.value} becomes`}
                        placeholder="keep"
                        spellCheck={false}
                        autoComplete="off"
                        value={targets[v.value] ?? ''}
                        onChange={(e) => setTargets({ ...targets, [v.value]: e.target.value })}
                        {...(i === firstVariant ? { 'data-autofocus': true } : {})}
                      />
                      {to !== '' && to !== v.value && outside(to) && (
                        <p className="field-note field-note-problem">
                          not one of the allowed values: saving will refuse it
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
                    <span className="review-old">{r.from}</span> → <span className="review-new">{r.to}</span> (
                    {plural(count(r.from), 'image')})
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
      </form>
    </Modal>
  );
}
