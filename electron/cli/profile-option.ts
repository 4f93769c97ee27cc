/**
 * `--profile <file>`: a lab profile named on the command line, applied to every image
 * instead of the `acqmeta.profile.json` files found next to them.
 */
import path from 'node:path';
import type { LoadedProfile, ProfileCache } from '../services/profile';
import { lastOption, type ParsedArgs } from './args';
import { CliError, EXIT, type CliIo } from './cli-io';

/** The profile of `--profile`, or undefined when none is given; a usage error when the file is missing. */
export async function profileOption(
  args: ParsedArgs,
  io: CliIo,
  cache: ProfileCache,
): Promise<LoadedProfile | undefined> {
  const given = lastOption(args, '--profile');
  if (given === undefined) return undefined;
  const loaded = await cache.load(path.resolve(io.cwd, given), given);
  if (loaded === null) throw new CliError(EXIT.usage, `--profile ${given}: no such file`);
  return loaded;
}
