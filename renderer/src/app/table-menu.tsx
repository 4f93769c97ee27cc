/**
 * The toolbar's "Spreadsheet" menu: export a table file, a repository's submission files,
 * archival OME-TIFF copies of the images or a CloudScope collection of them, write the sidecars'
 * calibration into the image files' own headers, import a table (a preview comes first), and edit the channel table and the lab's instrument
 * catalogue of the selected images' folder (else the open folder), and the open folder's dataset values and people.
 */
import { useAppStore } from '../store';
import { encodeBase64 } from '../lib/base64';
import { MenuButton, useFilePicker } from '../kit';

/** The menu button and the file input it opens. */
export function TableMenu() {
  const store = useAppStore();
  const picker = useFilePicker('.xlsx,.csv,.tsv,.txt', 'Table file to import', (file) => {
    void file
      .arrayBuffer()
      .then((bytes) => store.getState().previewTableImport(file.name, encodeBase64(new Uint8Array(bytes))));
  });
  return (
    <>
      <MenuButton
        label="Spreadsheet"
        title="Export the metadata as a table or the images as OME-TIFF, import an edited table, or edit the channel table"
        entries={() => [
          { label: 'Export…', onSelect: () => store.getState().openExportPrompt() },
          {
            label: 'Submission files (HuBMAP, HTAN)…',
            title: 'The repository’s metadata files made from the images and their sidecars, with what is left to fill',
            onSelect: () => void store.getState().openSubmissionExport(),
          },
          {
            label: 'Build upload…',
            title:
              'The folder built into a HuBMAP or HTAN upload: metadata files, raw files, OME-TIFF copies, reviewed first',
            onSelect: () => store.getState().openUpload(),
          },
          {
            label: 'Export as OME-TIFF…',
            title: 'Archival OME-TIFF copies of the selected images (else of every image), with their metadata',
            onSelect: () => store.getState().openConvertDialog(),
          },
          {
            label: 'Export as CloudScope collection…',
            title:
              'The selected images (else every image) as one OME-Zarr collection for CloudScope Web, with their sidecars',
            onSelect: () => store.getState().openCollectionExport(),
          },
          {
            label: 'Write calibration into image files…',
            title:
              'The pixel size each saved sidecar holds, written into the selected images’ own headers (else every image’s), reviewed first',
            onSelect: () => void store.getState().openCalibrate(),
          },
          { label: 'Import…', onSelect: picker.open },
          'separator',
          {
            label: 'Channel table…',
            title: 'The channels of the selected images’ folder (else the open folder): acqmeta.channels.csv',
            onSelect: () => void store.getState().openChannelTable(),
          },
          {
            label: 'Instrument catalogue…',
            title: 'The lab’s microscope descriptions in force for the selected images’ folder: acqmeta.instruments/',
            onSelect: () => void store.getState().openInstrumentCatalogue(),
          },
          {
            label: 'Dataset values…',
            title:
              'The values no image file states and the dataset’s people, for HuBMAP and HTAN: acqmeta.dataset.json',
            onSelect: () => void store.getState().openDatasetPanel(),
          },
        ]}
      />
      {picker.input}
    </>
  );
}
