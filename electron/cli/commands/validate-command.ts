/**
 * `acqmeta validate <folder>`: checks every sidecar under a folder.
 */
import type { ImageEntry } from '../../services/folder/list-images';
import { mapInOrder } from '../../services/rows/map-in-order';
import { readSidecarFile, sidecarNameFor } from '../../services/sidecar';
import { EXIT, type Command } from '../cli-io';
import { startProgress } from '../progress';
import { withoutFileName } from '../row-format';
import { folderArgument, walkFolder } from '../targets';

/** The `validate` command. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check every sidecar under a folder; exit 1 when any has problems',
  help: `Usage: acqmeta validate <folder>

Reads every sidecar next to an image under <folder> (subfolders included) and prints one
line per problem:

  <sidecar path>: <Display name>: <message>    a field value CloudScope would reject
  <sidecar path>: <message>                    a structural problem (corrupt JSON, wrong
                                               version, missing keys, ...)

Images without a sidecar are fine. A summary goes to stderr.
Exits 0 when every sidecar is valid, 1 otherwise.`,
  syntax: { positionals: { min: 1, max: 1 } },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const withSidecar = async function* (): AsyncGenerator<ImageEntry> {
      for await (const entry of walkFolder(root)) if (entry.sidecar !== 'none') yield entry;
    };
    const check = async (entry: ImageEntry): Promise<{ path: string; problems: string[] }> => {
      const read = await readSidecarFile(entry.absPath);
      const problems = read.state === 'missing' ? [] : read.problems.map((p) => withoutFileName(p, sidecarNameFor(entry.absPath)));
      return { path: `${entry.relPath}.json`, problems };
    };
    const progress = startProgress(io, 'checked', null);
    let checked = 0;
    let failing = 0;
    try {
      for await (const result of mapInOrder(withSidecar(), 32, check)) {
        checked++;
        if (result.problems.length > 0) failing++;
        for (const problem of result.problems) await io.out.line(`${result.path}: ${problem}`);
        progress.tick();
      }
    } finally {
      progress.end();
    }
    await io.out.flush();
    io.err(`${checked} sidecar${checked === 1 ? '' : 's'} checked, ${failing} with problems`);
    return failing > 0 ? EXIT.problems : EXIT.ok;
  },
};
