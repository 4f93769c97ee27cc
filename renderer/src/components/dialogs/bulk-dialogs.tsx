/** The bulk annotation dialogs: presets, fill from names, table export and import. */
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';
import { NameFillDialog } from './name-fill-dialog';
import { PresetSaveDialog } from './preset-save-dialog';
import { PresetsDialog } from './presets-dialog';

/** Every bulk dialog; each shows itself while its store state asks for it. */
export function BulkDialogs() {
  return (
    <>
      <PresetSaveDialog />
      <PresetsDialog />
      <NameFillDialog />
      <ExportDialog />
      <ImportDialog />
    </>
  );
}
