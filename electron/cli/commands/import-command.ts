/**
 * `acqmeta import <table> [--root <folder>] [--dry-run]`: writes an edited table back.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ImageEntry } from '../../services/folder/list-images';
import { mapInOrder } from '../../services/rows/map-in-order';
import type { WriteBatch } from '../../services/sidecar';
import { createTiffScanner } from '../../services/tiff';
import { lastOption } from '../args';
import { CliError, EXIT, type Command } from '../cli-io';
import { planImport, sniffFormat, type PlannedRow } from '../import-plan';
import { folderArgument } from '../targets';
import { applyPlan, describeDiff, planChanges, type ChangePlan } from '../write-changes';
import { refuseAll, writeAndReport } from '../write-report';

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
folder, invalid values, invalid (corrupt) sidecars and missing sidecars that cannot be created
(unreadable TIFF) are all listed, and then nothing is written. Otherwise one line is printed
per changed field (<path>: <Field>: <old> → <new>) and a summary. Missing sidecars are created
(header from the TIFF).

  --root <folder>   the folder the paths are relative to (default: the table's folder)
  --dry-run         check and show what would change, write nothing

Exits 2 when the table or a sidecar it names has any problem (nothing written), 3 when a
sidecar changed on disk meanwhile or could not be written.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--dry-run'], options: ['--root'] },
  async run(args, io) {
    const tablePath = path.resolve(io.cwd, args.positionals[0] as string);
    const text = await readFile(tablePath, 'utf8').catch(() => {
      throw new CliError(EXIT.usage, `${args.positionals[0]}: cannot read the table`);
    });
    const givenRoot = lastOption(args, '--root');
    const root = givenRoot === undefined ? path.dirname(tablePath) : await folderArgument(io.cwd, givenRoot);
    const plan = await planImport(text, sniffFormat(tablePath, text), { root, realRoot: await realpath(root) });
    if (!plan.ok) return refuseAll(io, plan.problems);
    const dryRun = args.flags.has('--dry-run');
    const planned = await planRows(plan.rows);
    const blocked = planned.flatMap(({ entry, plan: p }) => (p.kind === 'skipped' || p.kind === 'io' ? [`${entry.relPath}: ${p.reason}`] : []));
    if (blocked.length > 0) return refuseAll(io, blocked);
    const write = ({ entry, plan: p }: (typeof planned)[number], batch: WriteBatch) => applyPlan(entry, p, dryRun, batch);
    return writeAndReport(planned, io, dryRun, write, (entry, outcome) => outcome.diffs.map((d) => `${entry.relPath}: ${describeDiff(d)}`));
  },
};

/** Reads every row's sidecar (and, to create one, its TIFF) before anything is written. */
async function planRows(rows: readonly PlannedRow[]): Promise<{ entry: ImageEntry; plan: ChangePlan }[]> {
  const scanner = createTiffScanner();
  const planned: { entry: ImageEntry; plan: ChangePlan }[] = [];
  try {
    const plan = async ({ entry, changes }: PlannedRow) => ({ entry, plan: await planChanges(entry, changes, scanner) });
    for await (const item of mapInOrder(rows, 16, plan)) planned.push(item);
  } finally {
    await scanner.close();
  }
  return planned;
}
