/**
 * The options of "Export as CloudScope collection…": where the collection goes (a folder ending
 * in .ome.zarr, beside the open folder by default) and whether a collection AcqMeta wrote there
 * may be replaced, as `acqmeta export --format cloudscope-collection` takes them.
 */
import { useState, type FormEvent } from 'react';
import { plural } from '../lib/format';
import { selectSaveSummary } from '../store';
import { defaultDestination } from './collection-export-slice';
import { convertPaths } from '../convert';
import { useApp, useAppStore } from '../store';
import { CheckRow, ChoiceGroup } from '../kit';
import { UnsavedNote } from '../kit';
import { ModalActions } from '../kit';
import { scopeText } from '../convert';

const COLLECTION_NAME = /\.ome\.zarr$/i;

/** The form; Export starts the export (the dialog then shows its progress). */
export function CollectionExportForm({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const images = useApp((s) => convertPaths(s).length);
  const selected = useApp((s) => s.selected.size);
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  const root = useApp((s) => s.folder?.root ?? '');
  const door = useApp((s) => s.session?.door ?? 'browser');
  const [destination, setDestination] = useState(
    () => store.getState().collectionDestination ?? defaultDestination(root, door),
  );
  const [force, setForce] = useState(false);
  const named = COLLECTION_NAME.test(destination.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.getState().startCollectionExport(destination.trim(), force);
  };
  return (
    <form onSubmit={submit}>
      <h2 id="collection-title" className="modal-title">
        Export as CloudScope collection
      </h2>
      <p>
        {scopeText(selected, images)}, exported as one OME-Zarr collection that CloudScope Web opens: each image with
        its reduced levels and its sidecar, laid out as CloudScope’s acqstore writes it. The collection is checked and
        read back before it is put in place; an image that cannot be exported is left out, and named with why. Each
        image of a file that holds several (a CZI’s scenes, a LIF’s images) is an image of its own. The sources are not
        changed.
      </p>
      <label className="modal-label modal-field-label" htmlFor="collection-destination">
        Collection
      </label>
      <input
        id="collection-destination"
        className="input mono"
        value={destination}
        spellCheck={false}
        autoComplete="off"
        aria-describedby="collection-destination-hint"
        aria-invalid={!named}
        onChange={(event) => setDestination(event.target.value)}
      />
      <p id="collection-destination-hint" className={named ? 'muted small' : 'small field-error'}>
        {named ? 'A folder' : 'The name must end in .ome.zarr: a folder'} inside the open folder (
        <span className="mono">{root}</span>) unless the path is absolute. OME-Zarr stores among the images are left
        out.
      </p>
      <ChoiceGroup legend="Existing collection">
        <CheckRow
          label="Replace a collection AcqMeta wrote"
          hint="Off: a collection already there is left as it is, and said so. CloudScope’s own collections are never replaced"
          checked={force}
          onChange={setForce}
        />
      </ChoiceGroup>
      <UnsavedNote unsaved={unsaved} what="The collection carries" />
      <ModalActions onCancel={onClose}>
        <button type="submit" className="btn btn-primary" disabled={images === 0 || !named} data-autofocus>
          Export {plural(images, 'image')}
        </button>
      </ModalActions>
    </form>
  );
}
