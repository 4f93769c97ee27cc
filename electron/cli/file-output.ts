/**
 * Where a command's file goes (`export`, `results`, `profile init`): to the file `-o` names,
 * written atomically and never over an existing file unless `--force` is given, else to
 * stdout, where a binary workbook is refused when stdout is a terminal.
 */
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { diskErrorReason, writeWhole } from '../services/disk';
import type { ParsedArgs } from './args';
import { CliError, EXIT, type CliIo } from './cli-io';

/** The flag that lets `-o` replace a file that exists. */
export const FORCE = '--force';

/** Refuses, before any work, to write an XLSX workbook to a terminal. */
export function refuseWorkbookOnTerminal(format: string, outFile: string | undefined, io: CliIo): void {
  if (format === 'xlsx' && outFile === undefined && io.out.isTerminal) {
    throw new CliError(EXIT.usage, 'an XLSX workbook is binary: give -o <file>.xlsx or redirect stdout to a file');
  }
}

/** Why nothing was written: `files` exist (exit 2). */
function existsAlready(...files: string[]): CliError {
  const one = files.length === 1;
  return new CliError(
    EXIT.usage,
    `${files.join(', ')} ${one ? 'exists' : 'exist'} already; nothing written (${FORCE} replaces ${one ? 'it' : 'them'})`,
  );
}

/**
 * Whether `--force` was given; refuses it without a file to replace, and refuses, before any
 * work, an `outFile` that exists (anything by that name, a dangling link too) without it.
 */
export async function forceOf(args: ParsedArgs, io: CliIo, outFile: string | undefined): Promise<boolean> {
  const force = args.flags.has(FORCE);
  if (outFile === undefined) {
    if (force) throw new CliError(EXIT.usage, `${FORCE} replaces the file -o names: give -o <file>`);
    return false;
  }
  await refuseExisting(io, outFile, force);
  return force;
}

/** Refuses (exit 2) a `file` that exists (anything by that name, a dangling link too), unless `force`. */
export async function refuseExisting(io: CliIo, file: string, force: boolean): Promise<void> {
  return refuseAnyExisting(io, [file], force);
}

/** Refuses (exit 2), naming each, the `files` that exist (anything by that name, a dangling link too), unless `force`. */
export async function refuseAnyExisting(io: CliIo, files: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  const exists = await Promise.all(
    files.map((file) =>
      lstat(path.resolve(io.cwd, file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  const found = files.filter((_, i) => exists[i]);
  if (found.length > 0) throw existsAlready(...found);
}

/** A folder's export: the folder (and as the command line named it), written to `outFile` or stdout. */
export interface FolderExport {
  root: string;
  shown: string;
  /** Relative to the working folder; undefined: stdout. */
  outFile: string | undefined;
  io: CliIo;
  /** Replace a file already there. */
  force: boolean;
}

/**
 * Writes `bytes` to `outFile` (relative to the working folder) through a synced temp file and
 * a rename, else to stdout. Without `force`, a file made there meanwhile is left as it is (exit 2).
 */
export async function writeOutput(
  io: CliIo,
  outFile: string | undefined,
  bytes: Uint8Array,
  force: boolean,
): Promise<void> {
  if (outFile === undefined) return io.out.bytes(bytes);
  const absFile = path.resolve(io.cwd, outFile);
  await writeWhole(absFile, bytes, force).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw existsAlready(outFile);
    throw new CliError(EXIT.conflict, `cannot write ${outFile}: ${await writeFailure(absFile, outFile, error)}`);
  });
}

/** Why `outFile` could not be written, naming it or its folder, never the temp file the write went through. */
async function writeFailure(absFile: string, outFile: string, error: NodeJS.ErrnoException): Promise<string> {
  if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') return diskErrorReason(error);
  const folder = await stat(path.dirname(absFile)).catch(() => null);
  const named = path.dirname(outFile);
  if (folder === null) return `the folder ${named} does not exist`;
  return folder.isDirectory() ? diskErrorReason(error) : `${named} is not a folder`;
}
