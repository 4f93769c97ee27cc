/**
 * The Dataset panel: the open folder's values that no image file states (the bundled templates'
 * dataset columns) and its people, kept in `acqmeta.dataset.json` for every HuBMAP and HTAN
 * export and upload. Each value is checked as typed by the rules `acqmeta dataset` uses; Save
 * writes through the same writer and journal.
 */
import { useMemo, useState } from 'react';
import type { DatasetInfo } from '../../../shared/api';
import type { DatasetValues, Person } from '../../../shared/dataset';
import { useApp } from '../store';
import { FieldRow, Modal, ModalActions, ReadingModal, SaveActions, SaveFailure } from '../kit';
import { datasetTemplates, draftDataset, sameDataset, type DatasetTemplate } from './dataset-form';
import { TemplateFields } from './dataset-fields';
import { DatasetPeople } from './dataset-people';

const TITLE = 'Dataset values';

/** The template shown first: the first with a value kept, else the first. */
function firstTemplate(templates: readonly DatasetTemplate[], values: Readonly<Record<string, string>>): string {
  const kept = templates.find((t) => t.columns.some((column) => column.name in values));
  return (kept ?? templates[0]!).target;
}

/** The panel's form over what was read. */
function DatasetForm({ info, dataset }: { info: DatasetInfo; dataset: DatasetValues }) {
  const panel = useApp((s) => s.datasetPanel);
  const save = useApp((s) => s.saveDatasetPanel);
  const reopen = useApp((s) => s.openDatasetPanel);
  const close = useApp((s) => s.closeDatasetPanel);
  const templates = useMemo(() => datasetTemplates(), []);
  const [values, setValues] = useState<Record<string, string>>({ ...dataset.values });
  const [people, setPeople] = useState<Person[]>([...dataset.people]);
  const [target, setTarget] = useState(() => firstTemplate(templates, dataset.values));
  const template = templates.find((t) => t.target === target) ?? templates[0]!;
  const draft = useMemo(() => draftDataset(values, people), [values, people]);
  const elsewhere = Object.entries(values).filter(
    ([column, text]) => text.trim() !== '' && !template.columns.some((c) => c.name === column),
  );
  const unchanged = draft.problems.length === 0 && sameDataset(draft.dataset, dataset);
  const blocker =
    draft.problems.length > 0 ? 'Correct what is marked first.' : unchanged ? 'Nothing has changed.' : null;
  const saving = panel?.saving === true;
  return (
    <Modal
      labelledBy="dataset-title"
      title={TITLE}
      describedBy="dataset-text"
      description={
        <>
          What no image file states, kept in {info.file} for this folder: every HuBMAP and HTAN export and upload made
          from it uses these values before what the files say. Each value is checked by the templates that have its
          column as you type; “required” marks what the chosen template asks for, and a field’s name shows what the
          template says of it when the pointer rests on it.
        </>
      }
      onCancel={close}
      busy={saving}
      wide
      className="dataset-modal"
    >
      <div className="dataset-template">
        <FieldRow id="dataset-template" label="Columns of">
          {(control) => (
            <select {...control} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
              {templates.map((t) => (
                <option key={t.target} value={t.target}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </FieldRow>
      </div>
      <TemplateFields
        template={template}
        values={values}
        onChange={(column, text) => setValues((v) => ({ ...v, [column]: text }))}
      />
      {elsewhere.length > 0 && (
        <p className="muted small dataset-elsewhere">
          Also kept, for other templates: {elsewhere.map(([column, text]) => `${column} ${text}`).join(' · ')}
        </p>
      )}
      <DatasetPeople people={people} onChange={setPeople} list={info.peopleList} />
      {panel?.failure && (
        <SaveFailure title={`${info.file} was not saved`} message={panel.failure.message}>
          {panel.failure.conflict && (
            <button type="button" className="btn" onClick={() => void reopen()}>
              Read it again (what is typed here is replaced)
            </button>
          )}
        </SaveFailure>
      )}
      <SaveActions
        blockerId="dataset-blocker"
        blocker={blocker}
        saving={saving}
        onSave={() => void save(draft.dataset)}
        onCancel={close}
      />
    </Modal>
  );
}

/** The panel, while the store has it open. */
export function DatasetDialog() {
  const panel = useApp((s) => s.datasetPanel);
  const close = useApp((s) => s.closeDatasetPanel);
  if (panel === null) return null;
  const { info } = panel;
  if (info === null)
    return (
      <ReadingModal titleId="dataset-title" title={TITLE} reading="Reading acqmeta.dataset.json…" onCancel={close} />
    );
  if (info.dataset === null)
    return (
      <Modal labelledBy="dataset-title" title={TITLE} onCancel={close}>
        <SaveFailure title={`${info.file} cannot be used`} message={info.problem ?? ''} />
        <p className="small">Correct or remove the file, then open this panel again; AcqMeta never writes over it.</p>
        <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
      </Modal>
    );
  return <DatasetForm key={info.version?.sha256 ?? 'none'} info={info} dataset={info.dataset} />;
}
