/**
 * `acqmeta import <table> [--root <folder>] [--dry-run]`: writes an edited table back.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { mapInOrder } from '../../services/rows/map-in-order';
import { createTiffScanner } from '../../services/tiff';
import { lastOption } from '../args';
import { CliError, EXIT, type Command } from '../cli-io';
import { planImport, sniffFormat, type PlannedRow } from '../import-plan';
import { folderArgument } from '../targets';
import { describeDiff, OutcomeTally, writeChanges } from '../write-changes';

/** The `import` command. */
export const importCommand: Command = {
  name: 'import',
  summary: 'write a CSV or TSV table (as made by export) back into the sidecars',
  help: `Usage: acqmeta import <table> [--root <folder>] [--dry-run]

Reads a CSV or TSV table (by the file name's extension, else by whether the header has a
tab) and sets each row's fields in the sidecar of the image on that row. A header row is
required: a "path" column (image paths relative to the folder, as export writes them) and
one column per field, named by sidecar key or display name. An empty cell clears its field.

Everything is checked first: unknown columns, unknown or repeated paths, paths leaving the
folder and invalid values are all listed, and then nothing is written. Otherwise one line is
printed per changed field (<path>: <Field>: <old> → <new>) and a summary. Missing sidecars
are created (header from the TIFF); invalid sidecars are reported and left untouched.

  --root <folder>   the folder the paths are relative to (default: the table's folder)
  --dry-run         check and show what would change, write nothing

Exits 2 when the table has any problem (nothing written), 1 when some sidecars were skipped,
3 when a sidecar changed on disk meanwhile or could not be written.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--dry-run'], options: ['--root'] },
  async run(args, io) {
    const tablePath = path.resolve(io.cwd, args.positionals[0] as string);
    const text = await readFile(tablePath, 'utf8').catch(() => {
      throw new CliError(EXIT.usage, `${args.positionals[0]}: cannot read the table`);
    });
    const givenRoot = lastOption(args, '--root');
    const root = givenRoot === undefined ? path.dirname(tablePath) : await folderArgument(io.cwd, givenRoot);
    const plan = await planImport(text, sniffFormat(tablePath, text), { root, realRoot: await realpath(root) });
    if (!plan.ok) {
      for (const problem of plan.problems) io.err(problem);
      io.err('Nothing was written.');
      return EXIT.usage;
    }
    const dryRun = args.flags.has('--dry-run');
    const scanner = createTiffScanner();
    const tally = new OutcomeTally();
    try {
      const write = async ({ entry, changes }: PlannedRow) => ({ entry, outcome: await writeChanges(entry, changes, scanner, dryRun) });
      for await (const { entry, outcome } of mapInOrder(plan.rows, 16, write)) {
        tally.add(outcome);
        if (outcome.kind === 'created' || outcome.kind === 'updated') {
          for (const diff of outcome.diffs) await io.out.line(`${entry.relPath}: ${describeDiff(diff)}`);
        } else if (outcome.kind !== 'unchanged') {
          await io.out.flush();
          io.err(`${entry.relPath}: ${outcome.reason}`);
        }
      }
    } finally {
      await scanner.close();
    }
    await io.out.line(tally.summary(dryRun));
    return tally.exitCode();
  },
};
