/** The toolbar's "Spreadsheet" menu: export a table file, import one (a preview comes first). */
import { useAppStore } from '../store/store-context';
import { encodeBase64 } from '../lib/base64';
import { useFilePicker } from './file-picker';
import { MenuButton } from './menu-button';

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
        title="Export the metadata as a table, or import an edited table"
        entries={() => [
          { label: 'Export…', onSelect: () => store.getState().openExportPrompt() },
          { label: 'Import…', onSelect: picker.open },
        ]}
      />
      {picker.input}
    </>
  );
}
