/**
 * The options of "Export as OME-TIFF…": where the copies go (see output-folder-field.tsx) and
 * how they are written, as `acqmeta convert --to ome-tiff` takes them;
 * it opens on the last job's choices.
 */
import { useState, type FormEvent } from 'react';
import type { ArchivalCompression, ArchivalExtension } from '../../../shared/api';
import { plural } from '../lib/format';
import { convertPaths } from './convert-slice';
import { useApp, useAppStore } from '../store';
import { CheckGroup, JobFormActions, RadioGroup, type CheckText, type Choice } from '../kit';
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

const PYRAMID: CheckText = {
  label: 'Tiled and pyramidal',
  hint: 'Images of 512 × 512 pixels or more: tiles of 512 and reduced levels, for viewers of large images (HTAN Level 2). Off, and smaller images: one strip per plane, as ImageJ 1.x’s own File › Open needs',
};

const REPLACE: CheckText = {
  label: 'Replace existing files',
  hint: 'Off: an image whose copy is already there is skipped, and said so',
};

/** What an export takes: `The 2 selected images`, `All 9 images of the folder`. */
export function scopeText(selected: number, images: number): string {
  return selected === 0 ? `All ${plural(images, 'image')} of the folder` : `The ${plural(images, 'selected image')}`;
}

/** The form; Convert starts the job (the dialog then shows its progress). */
export function ConvertForm({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const images = useApp((s) => convertPaths(s).length);
  const selected = useApp((s) => s.selected.size);
  const [last] = useState(() => store.getState().convertChoices);
  const [folder, setFolder] = useState(last.outputFolder);
  const [compression, setCompression] = useState(last.options.compression);
  const [pyramid, setPyramid] = useState(!last.options.flat);
  const [extension, setExtension] = useState(last.options.extension);
  const [force, setForce] = useState(last.options.force);
  const ready = folder.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.getState().startConvert(folder.trim(), { compression, flat: !pyramid, extension, force });
  };
  return (
    <form onSubmit={submit}>
      <p id="convert-text">
        {scopeText(selected, images)}, each written as an archival OME-TIFF with its acquisition metadata and its
        sidecar’s fields, read back and checked against the source. A file of several images gives one copy per image.
        The sources are not changed.
      </p>
      <OutputFolderField value={folder} onChange={setFolder} />
      <RadioGroup legend="Compression" choices={COMPRESSIONS} value={compression} onChange={setCompression} />
      <CheckGroup legend="Layout" text={PYRAMID} checked={pyramid} onChange={setPyramid} />
      <RadioGroup legend="File name ending" choices={EXTENSIONS} value={extension} onChange={setExtension} />
      <CheckGroup legend="Existing files" text={REPLACE} checked={force} onChange={setForce} />
      <JobFormActions verb="Convert" images={images} ready={ready} carries="The copies carry" onCancel={onClose} />
    </form>
  );
}
