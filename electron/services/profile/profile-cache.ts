/**
 * Loaded profiles, kept by file path and reloaded only when the file's size or modification
 * time changes: a scan of 10,000 images under one profile compiles it once.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadProfile, type Profile } from '../../../shared/profile';

/** A profile file as found on disk. */
export interface LoadedProfile {
  absPath: string;
  /** The folder it lives in: its folder rules are relative to it. */
  dir: string;
  profile: Profile;
}

/** Compiled profiles by path, size and modification time. */
export interface ProfileCache {
  /** Loads the profile at `absPath` (named `source` in messages); null when there is no such file. */
  load(absPath: string, source: string): Promise<LoadedProfile | null>;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A profile that cannot be used, with one problem. */
function unusable(source: string, problem: string): Profile {
  return { source, title: null, description: null, problems: [`${source}: ${problem}`], compiled: null };
}

/** A profile file that is not read, for `problem`: in force where found, and applied to nothing. */
export function refusedProfile(absPath: string, source: string, problem: string): LoadedProfile {
  return { absPath, dir: path.dirname(absPath), profile: unusable(source, problem) };
}

async function readProfile(absPath: string, source: string): Promise<Profile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absPath);
  } catch (error) {
    return unusable(source, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return loadProfile(UTF8.decode(bytes), source);
  } catch {
    return unusable(source, 'not valid UTF-8 text');
  }
}

/** A new, empty cache; one per backend or command. */
export function createProfileCache(): ProfileCache {
  const entries = new Map<string, { key: string; loaded: Promise<LoadedProfile> }>();
  return {
    async load(absPath, source) {
      const info = await stat(absPath).catch(() => null);
      if (info === null || !info.isFile()) return null;
      const key = `${info.size}:${info.mtimeMs}:${source}`;
      const cached = entries.get(absPath);
      if (cached?.key === key) return cached.loaded;
      const loaded = readProfile(absPath, source).then((profile) => ({ absPath, dir: path.dirname(absPath), profile }));
      entries.set(absPath, { key, loaded });
      return loaded;
    },
  };
}
