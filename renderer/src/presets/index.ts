/**
 * Field presets: saving the editor's values as a preset and applying or managing presets.
 */
export { PresetSaveDialog } from './preset-save-dialog';
export { PresetsDialog } from './presets-dialog';
export { createPresetsSlice, type PresetsSlice } from './presets-slice';
