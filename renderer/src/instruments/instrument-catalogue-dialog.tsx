/**
 * "Instrument catalogue": the lab's microscope descriptions in force for a folder, one tab per
 * file; per file the description's and stand's fields, then its components grouped by type, a
 * table each (one row per component, one column per field). Problems are shown on the cells
 * they concern and the others above the tables; Save writes every changed file with the
 * version read.
 */
import { useState } from 'react';
import { folderLabel, plural } from '../lib/format';
import { componentGroups, descriptionName, descriptionTier, problemPlace, problemsOffCells } from './instrument-grid';
import {
  aboveFolder,
  instrumentSaveBlocker,
  isChanged,
  shownFile,
  type InstrumentCatalogueEditor,
  type InstrumentFileEditor,
} from './instrument-editor';
import { useApp, useAppStore } from '../store';
import { InstrumentDraftOffer } from './instrument-draft-offer';
import { Modal, ReadingModal, SaveActions, SaveFailure } from '../kit';
import { DESCRIPTION_FIELDS, GroupTable, ProblemList, StandFields, type Ready } from './instrument-tables';

/** Adds a component of a chosen type to the file shown. */
function AddComponent({ editor }: { editor: Ready }) {
  const store = useAppStore();
  const specs = editor.info.specs.components;
  const [schemaId, setSchemaId] = useState(specs[0]?.schemaId ?? '');
  return (
    <p className="channel-add">
      <label className="instrument-add">
        <span className="small">Component type</span>
        <select
          className="input"
          value={schemaId}
          disabled={editor.saving}
          onChange={(e) => setSchemaId(e.target.value)}
        >
          {specs.map((spec) => (
            <option key={spec.schemaId} value={spec.schemaId}>
              {spec.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-small"
        disabled={editor.saving || schemaId === ''}
        onClick={() => store.getState().addInstrumentComponent(schemaId)}
      >
        Add component
      </button>
    </p>
  );
}

/** The file shown: its fields, its problems no cell shows, its components by type. */
function FilePanel({ editor, file }: { editor: Ready; file: InstrumentFileEditor }) {
  const root = file.shown.root;
  if (root === null) return <ProblemList problems={file.shown.problems} label="This file cannot be edited" />;
  const tier = descriptionTier(root);
  const { groups, others } = componentGroups(root, editor.info.specs.components);
  const cells = new Set([
    ...DESCRIPTION_FIELDS.map((f) => f.key),
    ...editor.info.specs.stand.map((f) => `MicroscopeStand.${f.key}`),
    ...groups.flatMap((g) => g.rows.flatMap((r) => g.spec.fields.map((f) => `${r.at}.${f.key}`))),
  ]);
  return (
    <div
      role="tabpanel"
      id="instrument-file-panel"
      aria-labelledby={`instrument-tab-${editor.active}`}
      className="instrument-file"
    >
      <p className="small muted">
        <span className="mono">{file.file}</span>
        {file.read === null ? ' — a new file: Save creates it' : ''} · tier {tier}
        {tier === 1 && root.Tier === undefined ? ' (none given)' : ''} · fields marked * are required at this tier
      </p>
      <ProblemList
        problems={problemsOffCells(file.shown.problems, cells)}
        label="Problems elsewhere in this file"
        place={(at) => problemPlace(root, at, editor.info.specs.components)}
      />
      <StandFields editor={editor} file={file} tier={tier} />
      {groups.map((group) => (
        <GroupTable key={group.spec.schemaId} editor={editor} file={file} group={group} tier={tier} />
      ))}
      {others.length > 0 && (
        <p className="small muted">
          Also in the file, kept as they are: {plural(others.length, 'component')} of other types (
          {[...new Set(others.map((c) => String(c.Schema_ID ?? '?').replace(/\.json$/, '')))].join(', ')}).
        </p>
      )}
      <AddComponent editor={editor} />
    </div>
  );
}

/** The files as tabs, and the field naming a new one. */
function FileTabs({ editor }: { editor: Ready }) {
  const store = useAppStore();
  const [name, setName] = useState('');
  const create = () => {
    if (name.trim() === '') return;
    store.getState().newInstrumentFile(name);
    setName('');
  };
  return (
    <div className="instrument-tabs-row">
      {editor.files.length > 0 && (
        <div role="tablist" aria-label="Microscopes" className="instrument-tabs">
          {editor.files.map((file, i) => (
            <button
              key={file.file}
              id={`instrument-tab-${i}`}
              type="button"
              role="tab"
              aria-selected={i === editor.active}
              aria-controls="instrument-file-panel"
              className="instrument-tab"
              onClick={() => store.getState().showInstrumentFile(i)}
            >
              {descriptionName(file, file.shown.root)}
              {isChanged(file) && <span title="Changed, not saved yet"> •</span>}
            </button>
          ))}
        </div>
      )}
      <form
        className="instrument-new"
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <input
          className="input"
          aria-label="New microscope’s name"
          placeholder="New microscope’s name"
          value={name}
          disabled={editor.saving}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={editor.saving || name.trim() === ''}>
          New description
        </button>
      </form>
    </div>
  );
}

function Failure({ failure }: { failure: NonNullable<InstrumentCatalogueEditor['failure']> }) {
  const store = useAppStore();
  return (
    <SaveFailure title={`Not saved${failure.file !== '' ? `: ${failure.file}` : ''}`} message={failure.message}>
      {failure.conflict && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void store.getState().reloadInstrumentCatalogue()}
        >
          Reload, with my changes applied to the file on disk
        </button>
      )}
    </SaveFailure>
  );
}

/** Where the catalogue in force lives, or where a new one would. */
function origin(editor: Ready): string {
  const { info } = editor;
  if (info.inForce === null)
    return `No catalogue is in force for ${folderLabel(info.folder)}: a new description is saved in ${info.own}/.`;
  const said = `The catalogue in force for ${folderLabel(info.folder)}: ${info.inForce}/, ${plural(info.files.length, 'microscope')} described.`;
  return info.above
    ? `${said} It lies above the open folder, so it is read here, not edited: open ${aboveFolder(info)} to edit it.`
    : said;
}

function Editor({ editor }: { editor: Ready }) {
  const store = useAppStore();
  const shown = shownFile(editor);
  const blocker = instrumentSaveBlocker(editor);
  const close = () => store.getState().closeInstrumentCatalogue();
  return (
    <Modal
      labelledBy="instrument-title"
      title="Instrument catalogue"
      describedBy="instrument-origin"
      onCancel={close}
      className="instrument-dialog"
    >
      <p id="instrument-origin" className="channel-origin">
        {origin(editor)}
      </p>
      <ProblemList problems={editor.info.problems} label="Files left out of the catalogue" />
      <FileTabs editor={editor} />
      <InstrumentDraftOffer editor={editor} />
      {editor.failure && <Failure failure={editor.failure} />}
      {shown ? (
        <FilePanel editor={editor} file={shown.file} />
      ) : (
        <p className="muted">No microscope is described yet: name one above, or add one from this image’s header.</p>
      )}
      <SaveActions
        blockerId="instrument-blocker"
        blocker={blocker}
        saving={editor.saving}
        onSave={() => void store.getState().submitInstrumentCatalogue()}
        onCancel={close}
      />
    </Modal>
  );
}

/** The dialog, shown while `instrumentCatalogue` is set: "Reading…" until the catalogue is read. */
export function InstrumentCatalogueDialog() {
  const store = useAppStore();
  const editor = useApp((s) => s.instrumentCatalogue);
  if (!editor) return null;
  const { info } = editor;
  if (info !== null) return <Editor editor={{ ...editor, info }} />;
  return (
    <ReadingModal
      titleId="instrument-title"
      title="Instrument catalogue"
      reading="Reading the lab’s microscope descriptions…"
      onCancel={() => store.getState().closeInstrumentCatalogue()}
    />
  );
}
