/**
 * Preset methods: listPresets, savePreset, renamePreset, deletePreset, on the presets folder
 * inside the settings folder the front door gave the backend (`configDir`).
 */
import type { ApiHandlers } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { checkPreset, presetNameProblem } from '../../../shared/presets/preset-file';
import { createPresetFolder, type PresetFolder } from '../presets/preset-folder';
import type { BackendContext } from './backend-context';

/** Handlers of the preset methods. */
export function presetHandlers(
  context: BackendContext,
): Pick<ApiHandlers, 'listPresets' | 'savePreset' | 'renamePreset' | 'deletePreset'> {
  const { configDir } = context.options;
  const presets = configDir ? createPresetFolder(configDir) : null;
  const folder = (): PresetFolder => {
    if (presets === null)
      throw new ApiFailure('BAD_REQUEST', 'Presets are not available: this window has no settings folder.');
    return presets;
  };
  return {
    listPresets: () => folder().list(),
    async savePreset(request) {
      const checked = checkPreset(request.name, request.fields);
      if (!checked.ok) throw new ApiFailure('INVALID_VALUE', checked.message);
      return folder().save(checked.preset, request.overwrite === true);
    },
    async renamePreset(request) {
      const problem = presetNameProblem(request.name);
      if (problem !== null) throw new ApiFailure('INVALID_VALUE', problem);
      return folder().rename(request.id, request.name);
    },
    async deletePreset(request) {
      await folder().remove(request.id);
      return { id: request.id };
    },
  };
}
