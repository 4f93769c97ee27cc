/**
 * After a request, the index rows of the images it wrote (a save, names filled, an import, a
 * restore, a calibration) rebuilt in the index in use, as the command line does after a command.
 */
import { defaultConfigDir } from '../folder';
import { indexUrl, updateWrittenRows } from '../index';
import { takeWritten } from '../save';
import type { BackendContext } from './backend-context';

/** Rebuilds the rows of the images written since the last call; an index out of reach is a notice, the writes stand. */
export async function indexWrites(context: BackendContext): Promise<void> {
  const written = takeWritten();
  if (written.length === 0) return;
  await updateWrittenRows(written, {
    url: indexUrl(undefined, process.env, context.options.configDir ?? defaultConfigDir()),
    cwd: process.cwd(),
    scanner: context.scanner,
    warn: (message) => context.emit({ type: 'index-not-updated', message: `Saved, but ${message}.` }),
  });
}
