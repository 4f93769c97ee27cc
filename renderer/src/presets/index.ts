/**
 * Field presets: saving the editor's values as a preset and applying or managing presets.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `PresetSaveDialog` of `preset-save-dialog.tsx`, fetched when it is first drawn. */
export const PresetSaveDialog = lazyComponent(() => import('./preset-save-dialog').then((m) => m.PresetSaveDialog));
/** The `PresetsDialog` of `presets-dialog.tsx`, fetched when it is first drawn. */
export const PresetsDialog = lazyComponent(() => import('./presets-dialog').then((m) => m.PresetsDialog));
export { createPresetsSlice, type PresetsSlice } from './presets-slice';
