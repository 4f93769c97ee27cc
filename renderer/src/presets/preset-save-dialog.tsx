/** "Save as preset": name the preset and choose which of the selected image's fields it keeps. */
import { useState } from 'react';
import { EDITABLE_FIELDS, type FieldGroup } from '../../../shared/fields/field-table';
import { presetNameProblem } from '../../../shared/presets/preset-file';
import { baseName } from '../../../shared/columns';
import { effectiveValues, useApp, useAppStore } from '../store';
import { displayValue, plural } from '../lib/format';
import { FieldChecklist } from '../save';
import { FieldRow, Modal, ModalActions } from '../kit';

/** Groups whose filled fields a new preset keeps unless unchosen (an animal, a sample, an experiment). */
const PRESET_GROUPS: readonly FieldGroup[] = ['Animal', 'Sample', 'Experiment'];

/** The dialog, shown while `presetDialog` is `save` and one image is selected. */
export function PresetSaveDialog() {
  const path = useApp((s) => (s.presetDialog === 'save' && s.selected.size === 1 ? [...s.selected][0]! : null));
  return path === null ? null : <PresetSaveForm key={path} path={path} />;
}

function PresetSaveForm({ path }: { path: string }) {
  const store = useAppStore();
  const [values] = useState(() => {
    const s = store.getState();
    return s.rows[path] ? effectiveValues(s.rows[path], s.edits[path]) : {};
  });
  const [chosen, setChosen] = useState(
    () =>
      new Set(
        EDITABLE_FIELDS.filter(
          (f) => PRESET_GROUPS.includes(f.group) && displayValue(values[f.name]) !== '(empty)',
        ).map((f) => f.name),
      ),
  );
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<{ message: string; clash: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().closePresetDialog();

  const save = async (overwrite: boolean) => {
    const invalid = presetNameProblem(name);
    if (invalid !== null) return setProblem({ message: invalid, clash: false });
    setBusy(true);
    const result = await store.getState().saveSelectedAsPreset(name, [...chosen], overwrite);
    setBusy(false);
    if (result.ok) close();
    else setProblem({ message: result.error.message, clash: result.error.code === 'CONFLICT' });
  };
  const submit = () => {
    void save(false);
  };

  return (
    <Modal
      labelledBy="preset-save-title"
      title="Save as preset"
      describedBy="preset-save-text"
      description={
        <>
          Keep the chosen fields of <strong className="mono">{baseName(path)}</strong> under a name, to apply them to
          other images later.
        </>
      }
      onCancel={close}
      onSubmit={submit}
    >
      <FieldRow
        id="preset-name"
        label="Preset name"
        invalid
        message={
          problem && (
            <>
              {problem.message}{' '}
              {problem.clash && (
                <button type="button" className="link-button" onClick={() => void save(true)}>
                  Replace it
                </button>
              )}
            </>
          )
        }
      >
        {(control) => (
          <input
            {...control}
            className="input preset-name-input"
            value={name}
            placeholder="e.g. Thy1 cohort 3, P30"
            maxLength={120}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            data-autofocus
          />
        )}
      </FieldRow>
      <p className="modal-label preset-fields-label">Fields</p>
      <FieldChecklist fields={EDITABLE_FIELDS} values={values} chosen={chosen} onChange={setChosen} />
      <ModalActions onCancel={close}>
        <button type="submit" className="btn btn-primary" disabled={chosen.size === 0 || busy}>
          Save preset of {plural(chosen.size, 'field')}
        </button>
      </ModalActions>
    </Modal>
  );
}
