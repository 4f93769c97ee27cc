/** The bulk annotation dialogs: presets, fill from names, table export and import. */
import { ExportDialog } from '../tables';
import { ImportDialog } from '../tables';
import { NameFillDialog } from './name-fill-dialog';
import { PresetSaveDialog } from '../presets';
import { PresetsDialog } from '../presets';

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
