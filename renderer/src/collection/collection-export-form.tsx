/**
 * The options of "Export as CloudScope collection…": where the collection goes (a folder ending
 * in .ome.zarr, beside the open folder by default) and whether a collection AcqMeta wrote there
 * may be replaced, as `acqmeta export --format cloudscope-collection` takes them.
 */
import { useState, type FormEvent } from 'react';
import { defaultDestination } from './collection-export-slice';
import { useApp, useAppStore } from '../store';
import { CheckGroup, FieldRow, JobFormActions, type CheckText } from '../kit';
import { convertPaths, scopeText } from '../convert';

const COLLECTION_NAME = /\.ome\.zarr$/i;

const REPLACE: CheckText = {
  label: 'Replace a collection AcqMeta wrote',
  hint: 'Off: a collection already there is left as it is, and said so. CloudScope’s own collections are never replaced',
};

/** The form; Export starts the export (the dialog then shows its progress). */
export function CollectionExportForm({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const images = useApp((s) => convertPaths(s).length);
  const selected = useApp((s) => s.selected.size);
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
      <p>
        {scopeText(selected, images)}, exported as one OME-Zarr collection that CloudScope Web opens: each image with
        its reduced levels and its sidecar, laid out as CloudScope’s acqstore writes it. The collection is checked and
        read back before it is put in place; an image that cannot be exported is left out, and named with why. Each
        image of a file that holds several (a CZI’s scenes, a LIF’s images) is an image of its own. The sources are not
        changed.
      </p>
      <FieldRow
        id="collection-destination"
        label="Collection"
        invalid={!named}
        message={
          <>
            {named ? 'A folder' : 'The name must end in .ome.zarr: a folder'} inside the open folder (
            <span className="mono">{root}</span>) unless the path is absolute. OME-Zarr stores among the images are left
            out.
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            className="input mono"
            value={destination}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setDestination(event.target.value)}
          />
        )}
      </FieldRow>
      <CheckGroup legend="Existing collection" text={REPLACE} checked={force} onChange={setForce} />
      <JobFormActions verb="Export" images={images} ready={named} carries="The collection carries" onCancel={onClose} />
    </form>
  );
}
