/** The toolbar's "Spreadsheet" menu: export a table file, import one (a preview comes first). */
import { useRef } from 'react';
import { useAppStore } from '../store/store-context';
import { encodeBase64 } from '../lib/base64';
import { MenuButton } from './menu-button';

/** The menu button and the file input it opens. */
export function TableMenu() {
  const store = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <MenuButton
        label="Spreadsheet"
        title="Export the metadata as a table, or import an edited table"
        entries={() => [
          { label: 'Export…', onSelect: () => store.getState().openExportPrompt() },
          { label: 'Import…', onSelect: () => input.current?.click() },
        ]}
      />
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,.tsv,.txt"
        className="sr-only"
        aria-label="Table file to import"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void file.arrayBuffer().then((bytes) => store.getState().previewTableImport(file.name, encodeBase64(new Uint8Array(bytes))));
        }}
      />
    </>
  );
}
