/**
 * The options of "Export as OME-TIFF…": where the copies go (see output-folder-field.tsx) and
 * how they are written, as `acqmeta convert --to ome-tiff` takes them;
 * it opens on the last job's choices.
 */
import { useState, type FormEvent } from 'react';
import type { ArchivalCompression, ArchivalExtension } from '../../../shared/api';
import { plural } from '../lib/format';
import { selectSaveSummary } from '../store';
import { convertPaths } from './convert-slice';
import { useApp, useAppStore } from '../store';
import { CheckRow, ChoiceGroup, RadioRows, type Choice } from '../kit';
import { UnsavedNote } from '../kit';
import { ModalActions } from '../kit';
import { OutputFolderField } from './output-folder-field';

const COMPRESSIONS: readonly Choice<ArchivalCompression>[] = [
  { value: 'zlib', label: 'zlib (Deflate)', hint: 'Lossless; read by every OME-TIFF reader' },
  { value: 'lzw', label: 'LZW', hint: 'Lossless; for older readers' },
  { value: 'none', label: 'None', hint: 'Largest files; fastest to read' },
];

const EXTENSIONS: readonly Choice<ArchivalExtension>[] = [
  { value: '.ome.tiff', label: '.ome.tiff', mono: true, hint: 'OME’s own ending' },
  { value: '.ome.tif', label: '.ome.tif', mono: true, hint: 'For tools that list .tif files only (CloudScope)' },
];

/** What an export takes: `The 2 selected images`, `All 9 images of the folder`. */
export function scopeText(selected: number, images: number): string {
  return selected === 0 ? `All ${plural(images, 'image')} of the folder` : `The ${plural(images, 'selected image')}`;
}

/** The form; Convert starts the job (the dialog then shows its progress). */
export function ConvertForm({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const images = useApp((s) => convertPaths(s).length);
  const selected = useApp((s) => s.selected.size);
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
      <OutputFolderField value={folder} onChange={setFolder} />
      <ChoiceGroup legend="Compression">
        <RadioRows name="convert-compression" choices={COMPRESSIONS} value={compression} onChange={setCompression} />
      </ChoiceGroup>
      <ChoiceGroup legend="Layout">
        <CheckRow
          label="Tiled and pyramidal"
          hint="Tiles of 512 pixels and reduced levels, for viewers of large images (HTAN Level 2); off: flat, one strip per plane, which ImageJ 1.x’s own File › Open needs"
          checked={pyramid}
          onChange={setPyramid}
        />
      </ChoiceGroup>
      <ChoiceGroup legend="File name ending">
        <RadioRows name="convert-extension" choices={EXTENSIONS} value={extension} onChange={setExtension} />
      </ChoiceGroup>
      <ChoiceGroup legend="Existing files">
        <CheckRow
          label="Replace existing files"
          hint="Off: an image whose copy is already there is skipped, and said so"
          checked={force}
          onChange={setForce}
        />
      </ChoiceGroup>
      <UnsavedNote unsaved={unsaved} what="The copies carry" />
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
