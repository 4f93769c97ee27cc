/**
 * How `index` and `find` report a database or a `--share` refused: as bad usage.
 */
import { IndexRefused } from '../services/index';
import { CliError, EXIT } from './cli-io';

/** Runs `work`; a database or share refused is a usage error (exit 2) with its message. */
export async function refusedAsUsage<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IndexRefused) throw new CliError(EXIT.usage, error.message);
    throw error;
  }
}
