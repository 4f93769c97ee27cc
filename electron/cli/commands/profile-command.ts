/**
 * `acqmeta profile init <folder> [-o <file>] [--force] [--closed]`: a starter lab profile from the
 * values a folder already holds.
 */
import path from 'node:path';
import { loadProfile, PROFILE_FILE_NAME, starterProfile } from '../../../shared/profile';
import type { FieldValues } from '../../../shared/fields/field-table';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { lastOption, UsageError } from '../args';
import { EXIT, type Command } from '../cli-io';
import { forceOf, FORCE, writeOutput } from '../file-output';
import { imageStatuses } from '../image-status';
import { folderArgument } from '../targets';

/** The `profile` command. */
export const profileCommand: Command = {
  name: 'profile',
  help: `Usage: acqmeta profile init <folder> [-o <file>] [--force] [--closed]

Writes a starter lab profile (a JSON Schema, draft 2020-12) made from the sidecars under
<folder>: each text field's values in use become "examples" (suggestions), most used first,
with their counts in the field's "description". Edit it to add what the lab requires
("required" lists, patterns, formats, ranges); see docs/lab-profiles.md.

  -o <file>   where to write it (default: <folder>/${PROFILE_FILE_NAME}, which puts it in
              force for the folder); "-o -" prints it. A file that exists is left as it is.
  --force     replace the file that exists there
  --closed    values in use become a closed vocabulary ("enum") instead of suggestions

Exits 2 when the file exists already and --force is not given (nothing written).`,
  syntax: { positionals: { min: 2, max: 2 }, flags: ['--closed', FORCE], options: ['-o'] },
  async run(args, io) {
    const [action, given] = args.positionals as [string, string];
    if (action !== 'init') throw new UsageError(`unknown action "${action}" (known: init)`);
    const root = await folderArgument(io.cwd, given);
    const output = lastOption(args, '-o') ?? path.join(given, PROFILE_FILE_NAME);
    const force = output === '-' ? false : await forceOf(args, io, output);
    const values: FieldValues[] = [];
    let sidecars = 0;
    for await (const image of imageStatuses(root, createProfileFinder(createProfileCache(), { root }))) {
      values.push(image.values);
      if (image.hasSidecar) sidecars++;
    }
    const origin = `from the ${sidecars} sidecar${sidecars === 1 ? '' : 's'} of ${values.length} image${values.length === 1 ? '' : 's'} in ${path.basename(root)} on ${new Date().toISOString().slice(0, 10)}`;
    const profile = starterProfile(values, {
      title: `Lab profile for ${path.basename(root)}`,
      closed: args.flags.has('--closed'),
      origin,
    });
    const text = `${JSON.stringify(profile, null, 2)}\n`;
    const check = loadProfile(text, output);
    if (check.compiled === null) throw new Error(`the starter profile is not usable: ${check.problems.join('; ')}`);
    if (output === '-') {
      await io.out.write(text);
      return EXIT.ok;
    }
    await writeOutput(io, output, new TextEncoder().encode(text), force);
    io.err(
      `wrote ${output}: ${check.compiled.fields.length} field${check.compiled.fields.length === 1 ? '' : 's'} with values in use, ${origin}`,
    );
    return EXIT.ok;
  },
};
