/**
 * The presets folder: one JSON file per preset (format in shared/presets/preset-file.ts) in
 * `<settings>/presets/`. Files are written whole through a synced temp file and a rename; a
 * file that is not a valid preset, or that links outside the folder, is listed as broken (it
 * can be deleted: the link, not what it leads to), never read, never fatal.
 */
import { mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from '../../../shared/errors';
import { writeWhole } from '../disk';
import { keepInSettings, leavesFolder } from '../folder';
import {
  formatPresetFile,
  parsePresetFile,
  presetFileName,
  type Preset,
  type PresetEntry,
  type PresetList,
  type StoredPreset,
} from '../../../shared/presets/preset-file';

/** A preset file larger than this is not read. */
const MAX_PRESET_BYTES = 256 * 1024;

/** The folder's operations; names are unique without regard to case. */
export interface PresetFolder {
  list(): Promise<PresetList>;
  /** Adds a preset; one of the same name is replaced with `overwrite`, else CONFLICT. */
  save(preset: Preset, overwrite: boolean): Promise<StoredPreset>;
  /** Renames a preset (its file too); CONFLICT when another has the name. */
  rename(id: string, name: string): Promise<StoredPreset>;
  /** Deletes a preset file, broken ones included. */
  remove(id: string): Promise<void>;
}

/** The presets folder inside `configDir` (created on the first save). */
export function createPresetFolder(configDir: string): PresetFolder {
  const folder = path.join(configDir, 'presets');
  const fileOf = (id: string) => path.join(folder, checkId(id));

  async function entries(): Promise<PresetEntry[]> {
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const files = names.filter((n) => n.toLowerCase().endsWith('.json') && !n.startsWith('.'));
    return Promise.all(files.map((id) => readEntry(folder, id)));
  }

  async function valid(): Promise<StoredPreset[]> {
    return (await entries()).filter((e): e is { ok: true } & StoredPreset => e.ok);
  }

  async function existing(id: string): Promise<StoredPreset> {
    const entry = await readEntry(folder, checkId(id));
    if (!entry.ok)
      throw new ApiFailure(entry.message === MISSING ? 'NOT_FOUND' : 'INVALID_VALUE', `${id}: ${entry.message}`);
    return entry;
  }

  /** A file name for `name` not used by another file (`x.json`, `x-2.json`, ...). */
  async function freeId(name: string, keep: string | null): Promise<string> {
    const taken = new Set((await entries()).map((e) => e.id.toLowerCase()));
    const base = presetFileName(name).slice(0, -'.json'.length);
    for (let n = 1; ; n++) {
      const id = n === 1 ? `${base}.json` : `${base}-${n}.json`;
      if (id === keep || !taken.has(id.toLowerCase())) return id;
    }
  }

  async function write(id: string, preset: Preset): Promise<StoredPreset> {
    await keepInSettings(configDir, `The preset “${preset.name}”`, async () => {
      await mkdir(folder, { recursive: true });
      await writeWhole(fileOf(id), formatPresetFile(preset));
    });
    return { id, ...preset };
  }

  return {
    async list() {
      const all = await entries();
      const ok = all.filter((e) => e.ok).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const broken = all.filter((e) => !e.ok).sort((a, b) => a.id.localeCompare(b.id));
      return { folder, presets: [...ok, ...broken] };
    },
    async save(preset, overwrite) {
      const same = (await valid()).find((p) => sameName(p.name, preset.name));
      if (same && !overwrite) throw new ApiFailure('CONFLICT', `A preset named “${same.name}” exists already.`);
      return write(same?.id ?? (await freeId(preset.name, null)), preset);
    },
    async rename(id, name) {
      const preset = await existing(id);
      const clash = (await valid()).find((p) => p.id !== id && sameName(p.name, name));
      if (clash) throw new ApiFailure('CONFLICT', `A preset named “${clash.name}” exists already.`);
      const target = await freeId(name, id);
      const renamed = await write(target, { name: name.trim(), fields: preset.fields });
      if (target !== id) await rm(fileOf(id), { force: true });
      return renamed;
    },
    async remove(id) {
      const file = fileOf(id);
      if (
        !(await stat(file).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        throw new ApiFailure('NOT_FOUND', `There is no preset file ${id}.`);
      await rm(file);
    },
  };
}

const MISSING = 'the file does not exist';

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** A preset id is a plain `.json` file name inside the folder. */
function checkId(id: string): string {
  if (
    id !== path.basename(id) ||
    id.startsWith('.') ||
    !id.toLowerCase().endsWith('.json') ||
    id.includes('\0') ||
    id.includes('\\')
  ) {
    throw new ApiFailure('BAD_REQUEST', `"${id}" is not a preset file name.`);
  }
  return id;
}

async function readEntry(folder: string, id: string): Promise<PresetEntry> {
  const file = path.join(folder, id);
  if (await leavesFolder(await realpath(folder).catch(() => folder), file))
    return { ok: false, id, message: 'the file links outside the presets folder, so it is not read' };
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, id, message: 'this is not a file' };
    if (info.size > MAX_PRESET_BYTES)
      return { ok: false, id, message: `the file is larger than ${MAX_PRESET_BYTES / 1024} KB` };
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      id,
      message: code === 'ENOENT' ? MISSING : `the file cannot be read (${code ?? String(error)})`,
    };
  }
  const parsed = parsePresetFile(text);
  return parsed.ok ? { ok: true, id, ...parsed.preset } : { ok: false, id, message: parsed.message };
}
