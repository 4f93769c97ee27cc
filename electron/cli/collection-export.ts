/**
 * `acqmeta export <folder> --format cloudscope-collection -o <name>.ome.zarr`: the folder's
 * images as one acqstore collection for CloudScope Web, staged, verified and renamed into place.
 */
import path from 'node:path';
import { version } from '../../package.json';
import { DestinationRefused, exportCollection, ExportRefused, isStorePath } from '../services/collection';
import { createTiffScanner } from '../services/tiff';
import { UsageError } from './args';
import { CliError, EXIT, type CliIo } from './cli-io';
import { printable } from './output';
import { walkFolder } from './targets';

/** The `--format` of a CloudScope collection. */
export const COLLECTION_FORMAT = 'cloudscope-collection';

/**
 * Runs `work` with an abort signal that Ctrl-C fires; resolves to whether it was interrupted.
 * A second Ctrl-C while it cleans up is ignored, so that the staging folder is still removed.
 */
async function interruptible(work: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.on('SIGINT', stop);
  try {
    await work(controller.signal);
    return false;
  } catch (error) {
    if (controller.signal.aborted) return true;
    throw error;
  } finally {
    process.removeListener('SIGINT', stop);
  }
}

/** Exports the images under `root` as a collection at `outFile`; the exit code. */
export async function exportCollectionCommand(
  root: string,
  outFile: string | undefined,
  io: CliIo,
  force: boolean,
): Promise<number> {
  if (outFile === undefined) throw new UsageError(`--format ${COLLECTION_FORMAT} needs -o <name>.ome.zarr`);
  const destination = path.resolve(io.cwd, outFile);
  const sources: { relPath: string; absPath: string }[] = [];
  for await (const entry of walkFolder(root)) {
    if (isStorePath(entry.relPath))
      io.err(`${printable(entry.relPath)}: left out, an OME-Zarr store is not exported again`);
    else sources.push({ relPath: entry.relPath, absPath: entry.absPath });
  }
  const scanner = createTiffScanner();
  let written = 0;
  try {
    const interrupted = await interruptible(async (signal) => {
      const summary = await exportCollection({
        sources,
        name: path.basename(root),
        destination,
        force,
        scanner,
        creator: { name: 'AcqMeta', version },
        signal,
        onImage: ({ done, total, current }) => {
          if (io.showProgress) io.progress(done === total ? '' : `Exporting ${done}/${total}: ${printable(current)}`);
        },
      });
      written = summary.images;
    });
    if (interrupted) {
      io.err(`interrupted: nothing was written to ${outFile}`);
      return EXIT.interrupted;
    }
  } catch (error) {
    if (error instanceof DestinationRefused)
      throw new CliError(
        EXIT.usage,
        error.kind === 'exists' ? `${error.message} (--force replaces a collection AcqMeta wrote)` : error.message,
      );
    if (!(error instanceof ExportRefused)) throw error;
    for (const { relPath, reason } of error.refusals)
      io.err(`${printable(relPath)}: not exported, ${printable(reason)}`);
    io.err(`nothing was written: ${error.message}`);
    return EXIT.problems;
  } finally {
    await scanner.close();
  }
  io.err(`${written} images written to ${outFile}, verified (acqstore's contract, every level read back)`);
  return EXIT.ok;
}
