/**
 * `acqmeta export <folder> --format cloudscope-collection -o <name>.ome.zarr`: the folder's
 * images as one acqstore collection for CloudScope Web, staged, verified and renamed into place.
 */
import path from 'node:path';
import { version } from '../../package.json';
import {
  DestinationRefused,
  exportCollection,
  ExportRefused,
  isStorePath,
  type CollectionExportSummary,
  type ImageNote,
} from '../services/collection';
import { createTiffScanner } from '../services/tiff';
import { UsageError } from './args';
import { CliError, EXIT, type CliIo } from './cli-io';
import { printable } from './output';
import { walkFolder } from './targets';

/** An image as a line names it: its file, and which of the file's images when it holds several. */
const imageText = ({ relPath, image }: ImageNote): string =>
  image === null ? printable(relPath) : `${printable(relPath)} (${printable(image)})`;

/** The `--format` of a CloudScope collection. */
export const COLLECTION_FORMAT = 'cloudscope-collection';

/**
 * Runs `work` with an abort signal that Ctrl-C fires; resolves to what it resolves to, or null
 * when it was interrupted. A second Ctrl-C while it cleans up is ignored, so that the staging
 * folder is still removed.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.on('SIGINT', stop);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return null;
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
  let summary: CollectionExportSummary | null;
  try {
    summary = await interruptible((signal) =>
      exportCollection({
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
      }),
    );
    if (summary === null) {
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
    for (const refused of error.refusals) io.err(`${imageText(refused)}: not exported, ${printable(refused.text)}`);
    io.err(`nothing was written: ${error.message}`);
    return EXIT.problems;
  } finally {
    await scanner.close();
  }
  const { images, refused, notes } = summary;
  for (const note of notes) io.err(`${imageText(note)}: ${printable(note.text)}`);
  for (const left of refused) io.err(`${imageText(left)}: not exported, ${printable(left.text)}`);
  const written = `${images} images written to ${outFile}, verified (acqstore's contract, every level read back)`;
  if (refused.length === 0) {
    io.err(written);
    return EXIT.ok;
  }
  io.err(`${written}; ${refused.length} not exported`);
  return EXIT.problems;
}
