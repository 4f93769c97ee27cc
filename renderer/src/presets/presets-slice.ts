/**
 * Presets: named sets of field values kept by the backend in the user's settings folder. Saved
 * from the one selected image's chosen fields, applied to the selection as one undo step,
 * renamed, deleted, and exported or imported as the preset's JSON file.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiError, PresetList, StoredPreset } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import { formatPresetFile, parsePresetFile, presetFileName } from '../../../shared/presets/preset-file';
import { type AppState, effectiveValues, selectEditablePaths } from '../store';
import { plural } from '../lib/format';

/** How an action on presets ended: the dialog shows the error where it happened. */
export type PresetResult = { ok: true; preset: StoredPreset } | { ok: false; error: ApiError };

/** Presets and their actions. */
export interface PresetsSlice {
  /** The presets folder as last listed; null before the first listing. */
  presetList: PresetList | null;
  /** Why the presets could not be listed. */
  presetsError: string | null;
  /** The open presets dialog: save the selected image's fields, or manage the presets. */
  presetDialog: 'save' | 'manage' | null;
  openPresetDialog(dialog: 'save' | 'manage'): void;
  closePresetDialog(): void;
  /** Lists the presets again. */
  loadPresets(): Promise<void>;
  /** Saves the chosen fields of the one selected image (pending valid edits included) as a preset. */
  saveSelectedAsPreset(name: string, fieldNames: readonly string[], overwrite?: boolean): Promise<PresetResult>;
  /** Sets the preset's fields on the editable selected images, as one undo step; returns how many fields changed. */
  applyPreset(id: string): number;
  renamePreset(id: string, name: string): Promise<PresetResult>;
  deletePreset(id: string): Promise<boolean>;
  /** Adds a preset from a preset file's text; CONFLICT when one has its name, unless `overwrite`. */
  importPresetFile(text: string, overwrite?: boolean): Promise<PresetResult>;
  /** A preset as a file to download. */
  presetFile(id: string): { fileName: string; text: string } | null;
}

/** The valid presets of the list, by id. */
function findPreset(s: AppState, id: string): StoredPreset | undefined {
  const entry = s.presetList?.presets.find((p) => p.id === id);
  return entry?.ok ? entry : undefined;
}

/** Creates the presets slice. */
export const createPresetsSlice: StateCreator<AppState, [], [], PresetsSlice> = (set, get) => {
  /** Saves through the backend, lists again and tells the user. */
  async function keep(name: string, fields: FieldValues, overwrite: boolean, done: string): Promise<PresetResult> {
    const result = await get().client.savePreset({ name, fields, overwrite });
    if (!result.ok) return result;
    await get().loadPresets();
    get().notify('success', `${done} “${result.payload.name}”.`);
    return { ok: true, preset: result.payload };
  }

  return {
    presetList: null,
    presetsError: null,
    presetDialog: null,

    openPresetDialog: (dialog) => {
      set({ presetDialog: dialog });
      void get().loadPresets();
    },
    closePresetDialog: () => set({ presetDialog: null }),

    loadPresets: async () => {
      const result = await get().client.listPresets({});
      if (result.ok) set({ presetList: result.payload, presetsError: null });
      else set({ presetsError: result.error.message });
    },

    saveSelectedAsPreset: async (name, fieldNames, overwrite = false) => {
      const { selected, rows, edits } = get();
      const row = selected.size === 1 ? rows[[...selected][0]!] : undefined;
      if (!row)
        return {
          ok: false,
          error: { code: 'BAD_REQUEST', message: 'Select one image to save its fields as a preset.' },
        };
      const values = effectiveValues(row, edits[row.path]);
      const fields = Object.fromEntries(fieldNames.filter((n) => n in values).map((n) => [n, values[n] ?? null]));
      return keep(name, fields, overwrite, 'Saved the preset');
    },

    applyPreset: (id) => {
      const preset = findPreset(get(), id);
      const paths = selectEditablePaths(get());
      if (!preset) return 0;
      if (paths.length === 0) {
        get().notify('error', 'Select the images to apply the preset to.');
        return 0;
      }
      const inputs = paths.flatMap((path) =>
        Object.entries(preset.fields).map(([name, value]) => ({ path, name, value })),
      );
      const changed = get().applyFieldInputs(`Preset “${preset.name}”`, inputs);
      get().notify(
        'success',
        changed === 0
          ? `Nothing to change: the images already hold “${preset.name}”.`
          : `Applied “${preset.name}” to ${plural(paths.length, 'image')}.`,
      );
      return changed;
    },

    renamePreset: async (id, name) => {
      const result = await get().client.renamePreset({ id, name });
      if (!result.ok) return result;
      await get().loadPresets();
      return { ok: true, preset: result.payload };
    },

    deletePreset: async (id) => {
      const result = await get().client.deletePreset({ id });
      if (!result.ok) get().notify('error', result.error.message);
      await get().loadPresets();
      return result.ok;
    },

    importPresetFile: async (text, overwrite = false) => {
      const parsed = parsePresetFile(text);
      if (!parsed.ok) return { ok: false, error: { code: 'INVALID_VALUE', message: parsed.message } };
      return keep(parsed.preset.name, parsed.preset.fields, overwrite, 'Imported the preset');
    },

    presetFile: (id) => {
      const preset = findPreset(get(), id);
      return preset ? { fileName: presetFileName(preset.name), text: formatPresetFile(preset) } : null;
    },
  };
};
