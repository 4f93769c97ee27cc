/** The review before writing several files: what changes, in how many files, and what cannot be saved. */
import {
  type FieldChanges,
  type InvalidValue,
  planSummary,
  type SavePlan,
  sidecarNames,
  useApp,
  useAppStore,
} from '../store';
import { displayValue, plural } from '../lib/format';
import { editableField } from '../../../shared/fields/field-table';
import { CreatedValuesTable } from './created-values-table';
import { Modal, ModalActions, ReviewList } from '../kit';

/** Value changes listed per field before the rest are counted. */
const SHOWN_CHANGES = 4;
/** Files listed by name. */
const SHOWN_FILES = 6;
/** The review threshold the checkbox sets. */
const SMALL_SAVE = 10;

/** Each field's value changes, old → new with how many images, the first few of each listed. */
function ChangesTable({ fields }: { fields: readonly FieldChanges[] }) {
  return (
    <ReviewList
      caption="Changes"
      groupHeader="Field"
      countHeader="Images"
      shown={SHOWN_CHANGES}
      rest={(hidden) => plural(hidden, 'other change')}
      groups={fields.map((field) => ({
        key: field.name,
        label: field.displayName,
        changes: field.changes.map((change, i) => ({
          key: String(i),
          before: displayValue(change.before),
          after: displayValue(change.after),
          count: change.count,
        })),
      }))}
    />
  );
}

/** `2 invalid values and 1 value the lab profile refuses`. */
function heldValues(invalid: readonly InvalidValue[]): string {
  const refused = invalid.filter((v) => v.profile).length;
  const typed = invalid.length - refused;
  const parts = [
    typed > 0 ? plural(typed, 'invalid value') : null,
    refused > 0 ? `${plural(refused, 'value')} the lab profile refuses` : null,
  ];
  return parts.filter((p) => p !== null).join(' and ');
}

/** Invalid values that share a field, a message and a suggestion: one line for all their images. */
interface HeldGroup {
  value: InvalidValue;
  paths: string[];
}

/** `invalid` grouped by field, message and suggestion, in the order first met. */
function heldGroups(invalid: readonly InvalidValue[]): HeldGroup[] {
  const groups = new Map<string, HeldGroup>();
  for (const value of invalid) {
    const key = [value.name, value.message, value.suggestion ?? ''].join('\u0000');
    const group = groups.get(key);
    if (group) group.paths.push(value.path);
    else groups.set(key, { value, paths: [value.path] });
  }
  return [...groups.values()];
}

/** `a.tif` or `a.tif, b.tif and 26 more images`. */
function namedPaths(paths: readonly string[]): string {
  const named = paths.slice(0, 2).join(', ');
  return paths.length > 2 ? `${named} and ${plural(paths.length - 2, 'more image')}` : named;
}

function InvalidList({ invalid, held }: { invalid: readonly InvalidValue[]; held: number }) {
  const store = useAppStore();
  const jump = (value: InvalidValue) => {
    store.getState().cancelReview();
    store.getState().focusField(value.path, value.name);
  };
  /** Sets the suggested value on every image of the group (one undoable edit), then reviews again. */
  const applySuggestion = async ({ value, paths }: HeldGroup) => {
    const s = store.getState();
    s.cancelReview();
    s.setFieldText(paths, value.name, value.suggestion ?? '');
    await store.getState().requestSave();
  };
  const groups = heldGroups(invalid);
  return (
    <div className="callout callout-danger callout-stack">
      <p className="callout-title">
        {plural(held, 'image')} cannot be saved yet: {held === 1 ? 'it has' : 'they have'} {heldValues(invalid)}
      </p>
      <ul className="plain-list review-invalid">
        {groups.slice(0, SHOWN_FILES).map((group) => (
          <li key={`${group.value.name}\u0000${group.value.message}\u0000${group.value.suggestion ?? ''}`}>
            <button type="button" className="link-button" onClick={() => jump(group.value)}>
              {namedPaths(group.paths)} · {editableField(group.value.name)?.displayName ?? group.value.name}
            </button>
            <span className="small"> — {group.value.message}</span>
            {group.value.profile && <span className="tag tag-profile">lab profile</span>}
            {group.value.suggestion !== undefined && (
              <button type="button" className="btn btn-small" onClick={() => void applySuggestion(group)}>
                Use “{group.value.suggestion}” for {group.paths.length === 1 ? 'it' : `all ${group.paths.length}`}
              </button>
            )}
          </li>
        ))}
        {groups.length > SHOWN_FILES && (
          <li className="small">and {plural(groups.length - SHOWN_FILES, 'more problem')}</li>
        )}
      </ul>
      <p className="small">
        Their edits stay unsaved until fixed; click one to go to its field.
        {invalid.some((v) => v.profile) &&
          ' The lab profile refuses values outside its vocabulary, pattern, format or range, as acqmeta set does.'}
      </p>
    </div>
  );
}

/** The sidecars the save removes, apart from field changes: named, counted, and on what condition. */
function Removals({ removed }: { removed: readonly string[] }) {
  return (
    <div className="review-removed">
      <p className="modal-label">Sidecars to remove</p>
      <p>
        Remove {plural(removed.length, 'sidecar')} AcqMeta created:{' '}
        <span className="mono">{sidecarNames(removed)}</span>
      </p>
      <p className="small muted">
        Each is removed only while it still holds what AcqMeta wrote; one another program changed since is kept, and
        named.
      </p>
    </div>
  );
}

function Summary({ plan }: { plan: SavePlan }) {
  const files = plan.saves.filter((s) => s.removeSidecar !== true).map((s) => s.path);
  const typed = plan.fields.length > 0;
  return (
    <>
      <p id="review-text">{planSummary(plan)}</p>
      {plan.removed.length > 0 && <Removals removed={plan.removed} />}
      {typed && <ChangesTable fields={plan.fields} />}
      {plan.createdValues.length > 0 && (
        <CreatedValuesTable groups={plan.createdValues} created={plan.created} typed={typed} />
      )}
      {files.length > 0 && (
        <>
          <p className="modal-label review-files-label">Files</p>
          <ul className="change-list review-files">
            {files.slice(0, SHOWN_FILES).map((path) => (
              <li key={path} className="mono">
                {path}
              </li>
            ))}
            {files.length > SHOWN_FILES && (
              <li className="muted">and {plural(files.length - SHOWN_FILES, 'more file')}</li>
            )}
          </ul>
        </>
      )}
    </>
  );
}

/** The review dialog, shown while a save waits for the user's go. */
export function ReviewDialog() {
  const store = useAppStore();
  const plan = useApp((s) => s.review);
  const reviewAbove = useApp((s) => s.reviewAbove);
  if (!plan) return null;
  const count = plan.saves.length;
  const cancel = () => store.getState().cancelReview();
  return (
    <Modal
      labelledBy="review-title"
      title={count > 0 ? `Save ${plural(count, 'file')}?` : 'Nothing can be saved yet'}
      describedBy={count > 0 ? 'review-text' : undefined}
      onCancel={cancel}
      wide
    >
      {count > 0 && <Summary plan={plan} />}
      {plan.incomplete > 0 && (
        <p className="small muted review-incomplete">
          {plural(plan.incomplete, 'image')} still {plan.incomplete === 1 ? 'lacks' : 'lack'} fields the lab profile
          requires: saving a partial annotation is fine, the Completeness view and acqmeta validate list what is
          missing.
        </p>
      )}
      {plan.invalid.length > 0 && <InvalidList invalid={plan.invalid} held={plan.held} />}
      {count > 0 && (
        <label className="check-line small">
          <input
            type="checkbox"
            className="checkbox"
            checked={reviewAbove >= SMALL_SAVE}
            onChange={(e) => store.getState().setReviewAbove(e.target.checked ? SMALL_SAVE : 1)}
          />
          Save up to {SMALL_SAVE} files at once without this review
        </label>
      )}
      <ModalActions onCancel={cancel} cancelLabel={count > 0 ? 'Cancel' : 'Close'} focusCancel={count === 0}>
        {count > 0 && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void store.getState().confirmReview()}
            data-autofocus
          >
            {plan.held === 0
              ? `Save ${plural(count, 'file')}`
              : count === 1
                ? 'Save the other file'
                : `Save the ${count} other files`}
          </button>
        )}
      </ModalActions>
    </Modal>
  );
}
