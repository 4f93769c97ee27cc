/** "Manage presets": apply, rename, export and delete presets, import a preset file. */
import { useState } from 'react';
import type { PresetEntry, StoredPreset } from '../../../shared/api';
import { editableField } from '../../../shared/fields/field-table';
import { selectEditablePaths, useApp, useAppStore } from '../store';
import { displayValue, plural } from '../lib/format';
import { downloadFile } from '../lib/download';
import { Modal, ModalActions, useFilePicker } from '../kit';

/** What a preset sets, as `Species mouse · Age P30`. */
function summary(preset: StoredPreset): string {
  return Object.entries(preset.fields)
    .map(([name, value]) => `${editableField(name)?.displayName ?? name} ${displayValue(value)}`)
    .join(' · ');
}

function RenameForm({ preset, onDone }: { preset: StoredPreset; onDone: () => void }) {
  const store = useAppStore();
  const [name, setName] = useState(preset.name);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="preset-rename"
      onSubmit={(event) => {
        event.preventDefault();
        void store
          .getState()
          .renamePreset(preset.id, name)
          .then((result) => (result.ok ? onDone() : setProblem(result.error.message)));
      }}
    >
      <input
        className="input"
        aria-label={`New name for ${preset.name}`}
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <button type="submit" className="btn btn-small btn-primary">
        Rename
      </button>
      <button type="button" className="btn btn-small" onClick={onDone}>
        Cancel
      </button>
      {problem && (
        <p className="form-error small" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function PresetItem({ entry, targets }: { entry: PresetEntry; targets: number }) {
  const store = useAppStore();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const name = entry.ok ? entry.name : entry.id;
  const remove = mode === 'delete' && (
    <div className="preset-confirm" role="group" aria-label={`Delete ${name}?`}>
      <span>Delete {entry.ok ? `“${name}”` : 'this file'}?</span>
      <button
        type="button"
        className="btn btn-small btn-danger"
        onClick={() => void store.getState().deletePreset(entry.id)}
      >
        Delete
      </button>
      <button type="button" className="btn btn-small" onClick={() => setMode('view')}>
        Keep
      </button>
    </div>
  );
  if (!entry.ok) {
    return (
      <li className="preset-item preset-broken" aria-label={entry.id}>
        <div className="preset-text">
          <span className="preset-name mono">{entry.id}</span>
          <span className="preset-summary">Not a usable preset: {entry.message}</span>
        </div>
        {remove || (
          <button type="button" className="btn btn-small" onClick={() => setMode('delete')}>
            Delete…
          </button>
        )}
      </li>
    );
  }
  const exportFile = () => {
    const file = store.getState().presetFile(entry.id);
    if (file) downloadFile(file.fileName, 'application/json', file.text);
  };
  return (
    <li className="preset-item" aria-label={entry.name}>
      {mode === 'rename' ? (
        <RenameForm preset={entry} onDone={() => setMode('view')} />
      ) : (
        <div className="preset-text">
          <span className="preset-name">{entry.name}</span>
          <span className="preset-summary">{summary(entry)}</span>
        </div>
      )}
      {remove ||
        (mode === 'view' && (
          <div className="preset-buttons">
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={targets === 0}
              onClick={() => store.getState().applyPreset(entry.id)}
            >
              Apply
            </button>
            <button type="button" className="btn btn-small" onClick={() => setMode('rename')}>
              Rename…
            </button>
            <button type="button" className="btn btn-small" onClick={exportFile}>
              Export
            </button>
            <button type="button" className="btn btn-small" onClick={() => setMode('delete')}>
              Delete…
            </button>
          </div>
        ))}
    </li>
  );
}

/** A preset file that could not be imported as it is. */
interface ImportProblem {
  text: string;
  message: string;
  /** A preset has its name: it may be replaced. */
  clash: boolean;
}

/** Imports a preset file's text; a preset of the same name is replaced only with `overwrite`. */
async function importPreset(
  store: ReturnType<typeof useAppStore>,
  text: string,
  overwrite: boolean,
): Promise<ImportProblem | null> {
  const result = await store.getState().importPresetFile(text, overwrite);
  return result.ok ? null : { text, message: result.error.message, clash: result.error.code === 'CONFLICT' };
}

function ImportButton({ onProblem }: { onProblem: (problem: ImportProblem | null) => void }) {
  const store = useAppStore();
  const picker = useFilePicker('.json,application/json', 'Preset file to import', (file) => {
    void file.text().then((text) => importPreset(store, text, false).then(onProblem));
  });
  return (
    <>
      {picker.input}
      <button type="button" className="btn" onClick={picker.open}>
        Import preset…
      </button>
    </>
  );
}

/** The dialog, shown while `presetDialog` is `manage`. */
export function PresetsDialog() {
  const open = useApp((s) => s.presetDialog === 'manage');
  return open ? <PresetManager /> : null;
}

function PresetManager() {
  const list = useApp((s) => s.presetList);
  const error = useApp((s) => s.presetsError);
  const targets = useApp(selectEditablePaths).length;
  const store = useAppStore();
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const close = () => store.getState().closePresetDialog();
  const presets = list?.presets ?? [];
  return (
    <Modal labelledBy="presets-title" title="Presets" describedBy="presets-text" onCancel={close} wide>
      <p id="presets-text">
        {targets > 0
          ? `Apply sets the preset's fields on the ${plural(targets, 'selected image')}, as one step you can undo.`
          : 'Select images to apply a preset to them.'}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list && presets.length === 0 && (
        <p className="muted preset-empty">No presets yet: select one image and choose Presets › Save as preset…</p>
      )}
      {presets.length > 0 && (
        <ul className="plain-list scroll-box preset-list" aria-label="Presets">
          {presets.map((entry) => (
            <PresetItem key={entry.id} entry={entry} targets={targets} />
          ))}
        </ul>
      )}
      {list && (
        <p className="small muted preset-folder">
          Kept as JSON files in <span className="mono">{list.folder}</span>
        </p>
      )}
      {problem && (
        <p className="form-error small" role="alert">
          Not imported: {problem.message}{' '}
          {problem.clash && (
            <button
              type="button"
              className="link-button"
              onClick={() => void importPreset(store, problem.text, true).then(setProblem)}
            >
              Replace it
            </button>
          )}
        </p>
      )}
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel>
        <ImportButton onProblem={setProblem} />
      </ModalActions>
    </Modal>
  );
}
