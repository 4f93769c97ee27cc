/**
 * The Completeness view: the lab profile in force, how many images are ready, one line per
 * field with a bar of valid / invalid / empty (a click filters the table to the images that
 * lack or break the field), the folder rules, the submission target's metadata columns, and the
 * dataset readme to download.
 */
import { useShallow } from 'zustand/react/shallow';
import type { FieldCompleteness } from '../../../shared/profile';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { selectCompleteness } from './profile-selectors';
import { useApp, useAppStore } from '../store';
import { downloadTableFile } from '../lib/download';
import { formatCount, plural } from '../lib/format';
import { Modal, ModalActions, NextDialogButton } from '../kit';
import { FolderRulesSection } from './folder-rules-section';
import { ProfileHeader } from './profile-header';
import { TargetMetadataSection } from './target-metadata-section';
import { useVariantCount } from './use-variants';

/** Fields whose values can be normalized: one-line text. */
const TEXT_FIELDS = new Set(EDITABLE_FIELDS.filter((f) => f.type === 'str' && f.multiline !== true).map((f) => f.name));

function Bar({
  valid,
  invalid,
  empty,
  required,
}: {
  valid: number;
  invalid: number;
  empty: number;
  required: boolean;
}) {
  return (
    <span className="cbar" aria-hidden="true">
      {valid > 0 && <span className="cbar-valid" style={{ flexGrow: valid }} />}
      {invalid > 0 && <span className="cbar-invalid" style={{ flexGrow: invalid }} />}
      {empty > 0 && <span className={required ? 'cbar-missing' : 'cbar-empty'} style={{ flexGrow: empty }} />}
    </span>
  );
}

function counts(f: FieldCompleteness): string {
  const parts = [
    f.filled > 0 || f.required ? `${formatCount(f.valid)} valid` : null,
    f.invalid > 0 ? `${formatCount(f.invalid)} invalid` : null,
    f.empty > 0 ? `${formatCount(f.empty)} empty` : null,
  ];
  return parts.filter((p) => p !== null).join(' · ');
}

function FieldLine({ field }: { field: FieldCompleteness }) {
  const store = useAppStore();
  const lacking = field.invalid + field.empty;
  const variants = useVariantCount(field.field);
  const text = TEXT_FIELDS.has(field.field) && field.values.length > 0;
  return (
    <li className={`cfield${field.required ? ' is-required' : ''}`}>
      <button
        type="button"
        className="cfield-main"
        disabled={lacking === 0}
        aria-label={`${field.displayName}${field.required ? ' (required)' : ''}: ${counts(field)}.${lacking > 0 ? ` Show the ${plural(lacking, 'image')} that lack or break it.` : ''}`}
        title={
          lacking > 0
            ? `Show the ${plural(lacking, 'image')} that lack or break ${field.displayName}`
            : `Every image has a valid ${field.displayName}`
        }
        onClick={() => store.getState().showFieldGap(field.field)}
      >
        <span className="cfield-name">
          {field.displayName}
          {field.required && (
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          )}
        </span>{' '}
        {/* a space between the name and the counts, so their text reads as two words, as the label does */}
        <Bar valid={field.valid} invalid={field.invalid} empty={field.empty} required={field.required} />
        <span className="cfield-counts">{counts(field)}</span>
      </button>
      {text ? (
        <button
          type="button"
          className={`btn btn-small cfield-values${variants > 0 ? ' has-variants' : ''}`}
          onClick={() => store.getState().openNormalize(field.field)}
        >
          {variants > 0 ? `Normalize ${plural(variants, 'variant')}…` : `${plural(field.values.length, 'value')}…`}
        </button>
      ) : (
        <span />
      )}
    </li>
  );
}

function Scope() {
  const store = useAppStore();
  const scope = useApp((s) => s.completenessScope);
  const selected = useApp((s) => s.selected.size);
  return (
    <div className="segmented" role="radiogroup" aria-label="Images counted">
      {(['folder', 'selection'] as const).map((value) => (
        <label key={value} className={`segmented-item${scope === value ? ' is-on' : ''}`}>
          <input
            type="radio"
            name="completeness-scope"
            checked={scope === value}
            disabled={value === 'selection' && selected === 0}
            onChange={() => store.getState().setCompletenessScope(value)}
          />
          {value === 'folder' ? 'Folder' : `Selection (${formatCount(selected)})`}
        </label>
      ))}
    </div>
  );
}

function Readiness() {
  const store = useAppStore();
  const { images, ready } = useApp(
    useShallow((s) => ({ images: selectCompleteness(s).images, ready: selectCompleteness(s).ready.length })),
  );
  const notReady = images - ready;
  const percent = images === 0 ? 0 : Math.round((100 * ready) / images);
  return (
    <div className="readiness">
      <p className="readiness-text">
        <strong>
          {formatCount(ready)} of {plural(images, 'image')} ready
        </strong>
        <span className="muted"> ({percent}%): no problem with the image, its sidecar or the profile</span>
      </p>
      <span className="cbar cbar-large" aria-hidden="true">
        {ready > 0 && <span className="cbar-valid" style={{ flexGrow: ready }} />}
        {notReady > 0 && <span className="cbar-empty" style={{ flexGrow: notReady }} />}
      </span>
      {notReady > 0 && (
        <button type="button" className="btn btn-small" onClick={() => store.getState().showNotReady()}>
          Show the {plural(notReady, 'image')} not ready
        </button>
      )}
    </div>
  );
}

function Legend() {
  return (
    <p className="cbar-legend small muted" aria-hidden="true">
      <span className="swatch cbar-valid" /> valid <span className="swatch cbar-invalid" /> invalid{' '}
      <span className="swatch cbar-missing" /> empty, required <span className="swatch cbar-empty" /> empty
    </p>
  );
}

function ReadmeButton() {
  const store = useAppStore();
  const scope = useApp((s) => s.completenessScope);
  const download = async () => {
    const file = await store.getState().exportReadme(scope);
    if (file) downloadTableFile(file);
  };
  return (
    <button
      type="button"
      className="btn"
      title="A Markdown draft of the dataset's readme from what is saved on disk, with places marked TODO for what no file tells"
      onClick={() => void download()}
    >
      Dataset readme (.md)
    </button>
  );
}

/** Leaves Completeness (the lab's rules) for the Submission check (a repository's). */
function SubmissionButton() {
  const store = useAppStore();
  return (
    <NextDialogButton
      title="Check the folder's files against a repository's rules (the HuBMAP directory schemas)"
      leave={() => store.getState().closeCompleteness()}
      open={() => void store.getState().openLayoutCheck()}
    >
      Submission check…
    </NextDialogButton>
  );
}

/** A group of fields under its heading, a line each. */
function FieldGroup({ id, title, fields }: { id: string; title: string; fields: readonly FieldCompleteness[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="modal-label completeness-group">
        {title}
      </h3>
      <ul className="plain-list cfield-list">
        {fields.map((f) => (
          <FieldLine key={f.field} field={f} />
        ))}
      </ul>
    </section>
  );
}

/** The dialog, shown while `completenessOpen` is set. */
export function CompletenessDialog() {
  const open = useApp((s) => s.completenessOpen);
  return open ? <CompletenessForm /> : null;
}

function CompletenessForm() {
  const store = useAppStore();
  const fields = useApp((s) => selectCompleteness(s).fields);
  const close = () => store.getState().closeCompleteness();
  const required = fields.filter((f) => f.required);
  const others = fields.filter((f) => !f.required);
  return (
    <Modal labelledBy="completeness-title" title="Completeness" titleAside={<Scope />} onCancel={close} wide>
      <ProfileHeader />
      <Readiness />
      <div className="completeness-fields">
        {required.length > 0 && (
          <FieldGroup id="completeness-required" title="Required by the lab profile" fields={required} />
        )}
        <FieldGroup id="completeness-others" title={required.length > 0 ? 'Other fields' : 'Fields'} fields={others} />
        <Legend />
        <FolderRulesSection />
        <TargetMetadataSection />
      </div>
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel>
        <ReadmeButton />
        <SubmissionButton />
      </ModalActions>
    </Modal>
  );
}
