/**
 * "Add from this image's header": what the image's header records of its microscope, drafted
 * as a description, offered as a new file or as components added to the file shown.
 */
import type { InstrumentCatalogueEditor } from '../../store/logic/instrument-editor';
import { useAppStore } from '../../store/store-context';

/** The button that reads the draft, then the draft's components and where they can go. */
export function InstrumentDraftOffer({ editor }: { editor: InstrumentCatalogueEditor }) {
  const store = useAppStore();
  const { draft, image, saving } = editor;
  if (image === null) return null;
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
          The microscope, objective and light sources <span className="mono">{image}</span> records
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
