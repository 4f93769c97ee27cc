/**
 * The options of "Export as OME-TIFF…": where the copies go (inside the open folder unless the
 * path is absolute) and how they are written, as `acqmeta convert --to ome-tiff` takes them;
 * it opens on the last job's choices.
 */
import { useState, type FormEvent } from 'react';
import type { ArchivalCompression, ArchivalExtension } from '../../../../shared/api';
import { plural } from '../../lib/format';
import { selectSaveSummary } from '../../store/selectors/edit-selectors';
import { convertPaths } from '../../store/slices/convert-slice';
import { useApp, useAppStore } from '../../store/store-context';
import { ModalActions } from '../dialogs/modal-actions';

const COMPRESSIONS: readonly { value: ArchivalCompression; label: string; hint: string }[] = [
  { value: 'zlib', label: 'zlib (Deflate)', hint: 'Lossless; read by every OME-TIFF reader' },
  { value: 'lzw', label: 'LZW', hint: 'Lossless; for older readers' },
  { value: 'none', label: 'None', hint: 'Largest files; fastest to read' },
];

const EXTENSIONS: readonly { value: ArchivalExtension; hint: string }[] = [
  { value: '.ome.tiff', hint: 'OME’s own ending' },
  { value: '.ome.tif', hint: 'For tools that list .tif files only (CloudScope)' },
];

/** What the copies are of: `The 2 selected images`, `All 9 images of the folder`. */
function scopeText(selected: number, images: number): string {
  return selected === 0 ? `All ${plural(images, 'image')} of the folder` : `The ${plural(images, 'selected image')}`;
}

/** The form; Convert starts the job (the dialog then shows its progress). */
export function ConvertForm({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const images = useApp((s) => convertPaths(s).length);
  const selected = useApp((s) => s.selected.size);
  const root = useApp((s) => s.folder?.root ?? '');
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  const [last] = useState(() => store.getState().convertChoices);
  const [folder, setFolder] = useState(last.outputFolder);
  const [compression, setCompression] = useState(last.options.compression);
  const [pyramid, setPyramid] = useState(!last.options.flat);
  const [extension, setExtension] = useState(last.options.extension);
  const [force, setForce] = useState(last.options.force);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.getState().startConvert(folder.trim(), { compression, flat: !pyramid, extension, force });
  };
  return (
    <form onSubmit={submit}>
      <h2 id="convert-title" className="modal-title">
        Export as OME-TIFF
      </h2>
      <p id="convert-text">
        {scopeText(selected, images)}, each written as an archival OME-TIFF with its acquisition metadata and its
        sidecar’s fields, read back and checked against the source. A file of several images gives one copy per image.
        The sources are not changed.
      </p>
      <label className="modal-label modal-field-label" htmlFor="convert-folder">
        Output folder
      </label>
      <input
        id="convert-folder"
        className="input mono"
        value={folder}
        spellCheck={false}
        autoComplete="off"
        aria-describedby="convert-folder-hint"
        onChange={(event) => setFolder(event.target.value)}
      />
      <p id="convert-folder-hint" className="muted small">
        Inside the open folder (<span className="mono">{root}</span>) unless the path is absolute; made when missing.
      </p>
      <fieldset className="choice-group">
        <legend className="modal-label">Compression</legend>
        {COMPRESSIONS.map((c) => (
          <label key={c.value} className="check-row choice-row">
            <input
              type="radio"
              name="convert-compression"
              checked={compression === c.value}
              onChange={() => setCompression(c.value)}
            />
            <span>{c.label}</span>
            <span className="muted small choice-hint">{c.hint}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="modal-label">Layout</legend>
        <label className="check-row choice-row">
          <input type="checkbox" checked={pyramid} onChange={(event) => setPyramid(event.target.checked)} />
          <span>Tiled and pyramidal</span>
          <span className="muted small choice-hint">
            Tiles of 512 pixels and reduced levels, for viewers of large images (HTAN Level 2); off: one strip per plane
          </span>
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="modal-label">File name ending</legend>
        {EXTENSIONS.map((e) => (
          <label key={e.value} className="check-row choice-row">
            <input
              type="radio"
              name="convert-extension"
              checked={extension === e.value}
              onChange={() => setExtension(e.value)}
            />
            <span className="mono">{e.value}</span>
            <span className="muted small choice-hint">{e.hint}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="modal-label">Existing files</legend>
        <label className="check-row choice-row">
          <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
          <span>Replace existing files</span>
          <span className="muted small choice-hint">
            Off: an image whose copy is already there is skipped, and said so
          </span>
        </label>
      </fieldset>
      {unsaved > 0 && (
        <p className="callout callout-warning bulk-callout small">
          The copies carry what is saved on disk: {plural(unsaved, 'image')} {unsaved === 1 ? 'has' : 'have'} unsaved
          changes.
        </p>
      )}
      <ModalActions onCancel={onClose}>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={images === 0 || folder.trim() === ''}
          data-autofocus
        >
          Convert {plural(images, 'image')}
        </button>
      </ModalActions>
    </form>
  );
}
