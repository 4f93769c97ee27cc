/**
 * "Add from this image's header": what the image's header records of its microscope, drafted
 * as a description, offered as a new file or as components added to the file shown. With no
 * image selected, one of the folder's images is chosen first.
 */
import { useMemo } from 'react';
import { compareNatural } from '../../../shared/text-order';
import type { InstrumentCatalogueEditor } from './instrument-editor';
import { useApp, useAppStore } from '../store';

/** The most images the chooser lists: the folder's first ones in natural order. */
const LISTED_IMAGES = 200;

/** Chooses the image to draft from among the images under the dialog's folder; nothing when it has none. */
function ImageChoice({ editor }: { editor: InstrumentCatalogueEditor }) {
  const store = useAppStore();
  const rows = useApp((s) => s.rows);
  const paths = useMemo(() => {
    const under = Object.keys(rows).filter((path) => editor.folder === '' || path.startsWith(`${editor.folder}/`));
    return under.sort(compareNatural).slice(0, LISTED_IMAGES);
  }, [rows, editor.folder]);
  if (paths.length === 0) return null;
  return (
    <p className="channel-add">
      <label className="instrument-add">
        <span className="small">Add from the header of</span>
        <select
          className="input"
          value=""
          disabled={editor.saving}
          onChange={(e) => store.getState().chooseDraftImage(e.target.value)}
        >
          <option value="" disabled>
            an image…
          </option>
          {paths.map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </select>
      </label>
      <span className="small muted">The microscope, objective, light sources and detectors it records</span>
    </p>
  );
}

/** The button that reads the draft, then the draft's components and where they can go. */
export function InstrumentDraftOffer({ editor }: { editor: InstrumentCatalogueEditor }) {
  const store = useAppStore();
  const { draft, image, saving } = editor;
  if (image === null) return <ImageChoice editor={editor} />;
  if (draft === null || draft === 'loading')
    return (
      <p className="channel-add">
        <button
          type="button"
          className="btn btn-small"
          disabled={saving || draft === 'loading'}
          onClick={() => void store.getState().draftFromImage()}
        >
          {draft === 'loading' ? 'Reading the header…' : 'Add from this image’s header'}
        </button>
        <span className="small muted">
          The microscope, objective, light sources and detectors <span className="mono">{image}</span> records
        </span>
      </p>
    );
  const names = draft.components.map((c) => String(c.Name ?? c.Schema_ID ?? '?'));
  const shown = editor.files[editor.active];
  return (
    <div className="callout callout-stack bulk-callout" role="group" aria-labelledby="instrument-draft-title">
      <p id="instrument-draft-title" className="callout-title">
        The header of {draft.path} records
      </p>
      {names.length === 0 ? (
        <p>no hardware to describe.</p>
      ) : (
        <ul className="plain-list instrument-problems">
          {names.map((name, i) => (
            <li key={i}>{name}</li>
          ))}
        </ul>
      )}
      {draft.notes.length > 0 && (
        <ul className="plain-list small muted">
          {draft.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="channel-conflict-actions">
        {shown && names.length > 0 && (
          <button
            type="button"
            className="btn btn-small"
            disabled={saving}
            onClick={() => store.getState().placeDraft('shown')}
          >
            Add {names.length === 1 ? 'it' : 'them'} to {shown.file.split('/').pop()}
          </button>
        )}
        {draft.text !== null && (
          <button
            type="button"
            className="btn btn-small"
            disabled={saving}
            onClick={() => store.getState().placeDraft('new')}
          >
            As a new microscope description
          </button>
        )}
      </p>
    </div>
  );
}
