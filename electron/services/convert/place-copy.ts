/**
 * A verified copy and its sidecar put in place together, or neither. The sidecar is made new
 * from the copy's own header (never an older sidecar's, which would describe another file) and
 * written through the one save path first; then the copy is moved in beside it. When either
 * step fails, what was done is undone and what was there before is back. Nothing at either
 * path is written through: a link there is a file like any other, kept (and the image refused)
 * without `force`, replaced itself with it.
 */
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import { readTiffHeader } from '../../../shared/tiff';
import { moveIntoPlace } from '../disk';
import type { ImageEntry } from '../folder';
import type { ProfileFinder } from '../profile';
import { saveImageChanges, type SaveContext } from '../save';
import { claimTemp, releaseTemp, sidecarPathFor, type JournalHook } from '../sidecar';
import { withFileSource } from '../tiff';

/** A file already at a copy's or its sidecar's path, kept without `force` (`code` EEXIST). */
export class OutputTaken extends Error {
  readonly code = 'EEXIST';
  constructor(file: string) {
    super(`${file} exists (--force replaces it)`);
    this.name = 'OutputTaken';
  }
}

/**
 * Throws {@link OutputTaken} for anything (a link too) at `output` or its sidecar's path when
 * `force` is false; with it, only a folder there, which is never replaced.
 */
export async function checkOutputFree(output: string, force: boolean): Promise<void> {
  for (const file of [output, sidecarPathFor(output)]) {
    const found = await lstat(file).catch(() => null);
    if (found?.isDirectory() === true) throw new Error(`${file} is a folder, which a copy never replaces`);
    if (found !== null && !force) throw new OutputTaken(file);
  }
}

/**
 * Makes the folders of `relative` (`/`-separated) below `outputFolder`, one step at a time;
 * throws, naming it, when a step is a link or not a folder: copies go only into folders of the
 * output folder's own tree.
 */
export async function makeFoldersBelow(outputFolder: string, relative: string): Promise<void> {
  let folder = outputFolder;
  for (const step of relative === '' ? [] : relative.split('/')) {
    folder = path.join(folder, step);
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const found = await lstat(folder);
    if (!found.isDirectory()) throw new Error(`${folder} is ${found.isSymbolicLink() ? 'a link' : 'not a folder'}`);
  }
}

/** What the sidecar of a placed copy carries, checked against, and journaled in. */
export interface SidecarOfCopy {
  changes: FieldValues;
  profiles: ProfileFinder;
  journal?: JournalHook;
}

/** Moves what is at `file` (not through a link) to a temp name beside it; null when nothing is there. */
async function moveAside(file: string): Promise<string | null> {
  const aside = claimTemp(path.dirname(file));
  try {
    await rename(file, aside);
    return aside;
  } catch (error) {
    releaseTemp(aside);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Puts the finished copy `temp` in place as `output`, with a new sidecar beside it, or neither
 * (see above). Fails with {@link OutputTaken} when a file is there (or comes there meanwhile)
 * without `force`; any other failure names the file it concerns.
 */
export async function placeCopy(temp: string, output: string, force: boolean, sidecar: SidecarOfCopy): Promise<void> {
  await checkOutputFree(output, force);
  const sidecarPath = sidecarPathFor(output);
  const entry: ImageEntry = { relPath: path.basename(output), absPath: output, format: 'tiff', sidecar: 'none' };
  const context: SaveContext = {
    header: () =>
      withFileSource(temp, async (bytes) => ({
        ok: true as const,
        info: await readTiffHeader(bytes, { fileName: path.basename(output) }),
      })),
    profiles: sidecar.profiles,
    ...(sidecar.journal === undefined ? {} : { journal: sidecar.journal }),
  };
  const aside = force ? await moveAside(sidecarPath) : null;
  let created: SidecarVersion | null = null;
  try {
    try {
      const saved = await saveImageChanges(entry, { changes: sidecar.changes, expected: null, create: true }, context);
      created = saved.version;
    } catch (error) {
      throw new Error(`${sidecarPath} could not be written: ${(error as Error).message}`, { cause: error });
    }
    await moveIntoPlace(temp, output, force).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST'
        ? new OutputTaken(output)
        : new Error(`${output}: ${error.message}`, { cause: error });
    });
  } catch (error) {
    if (created !== null)
      await saveImageChanges(entry, { changes: {}, expected: created, removeSidecar: true }, context).catch(
        () => undefined,
      );
    if (aside !== null) await rename(aside, sidecarPath).catch(() => undefined);
    throw error;
  } finally {
    if (aside !== null) {
      await rm(aside, { force: true });
      releaseTemp(aside);
    }
  }
}
