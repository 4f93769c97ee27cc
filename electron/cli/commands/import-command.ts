/**
 * `acqmeta import <table> [--root <folder>] [--dry-run]`: writes an edited table back.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ignoredColumnsMessage } from '../../../shared/acquisition/acquisition-columns';
import type { ImportError, ImportWarning } from '../../../shared/sheets/table-import';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { previewTableImport, versionRead, type ChangedRow } from '../../services/sheets/import-preview';
import type { OpenFolder } from '../../services/folder';
import type { WriteBatch } from '../../services/sidecar';
import { createTiffScanner, type TiffScanner } from '../../services/tiff';
import { lastOption } from '../args';
import { CliError, EXIT, type CliIo, type Command } from '../cli-io';
import { folderArgument } from '../targets';
import { cliWriter, describeDiff } from '../write-changes';
import { refuseAll, writeAndReport, type ChangedOutcome } from '../write-report';

/** The `import` command. */
export const importCommand: Command = {
  name: 'import',
  help: `Usage: acqmeta import <table> [--root <folder>] [--dry-run]

Reads a table and sets each row's fields in the sidecar of the image on that row: an XLSX
workbook (its "AcqMeta" sheet, else its first), or CSV / TSV text (by the name's ending, else
by the first line; UTF-8, UTF-16 or Windows-1252; semicolons where commas are decimal marks).
A header row is required: a "path" column (image paths relative to the folder, as export
writes them) and one column per field, named by sidecar key or display name. An empty cell
clears its field. The acquisition columns of export --acquisition (acquisition_instrument,
..., or the app's names: Instrument, Objective, NA, ...) are read-only: they are ignored, and
stderr says so once.

What spreadsheet programs do to data is undone: a date cell becomes YYYY-MM-DD text, numbers
may be text, have stray spaces or a decimal comma (12,5), and a cell still showing the stored
value changes nothing (Excel keeps 15 significant digits; 1.0 may come back as 1). The '
that export puts before text beginning with =, +, -, @, a tab, a carriage return or ' is
taken off (any other leading ' is kept). So a table exported and not edited imports as no
change. A formula cell of a workbook is an error (its row and column are named): paste its
value instead, as a formula's result can change without the cell being edited.

Everything is checked first: unknown columns, repeated paths, paths leaving the folder,
values that cannot be stored or that break the lab profile in force for their image (a closed
vocabulary, a pattern, a format, a range; a required field left empty is allowed), invalid (corrupt) sidecars and missing sidecars that cannot be
created (an unreadable image file, an OIR) are all listed with their row and column, and then nothing is
written. Rows whose path matches no image are left out with a warning; so are runs of values
that count up (mouse1, mouse2, mouse3 where all held one value: a spreadsheet's drag-fill?),
which are written. Otherwise one line is printed per changed field
(<path>: <Field>: <old> → <new>) and a summary. Missing sidecars are created (header from
the image file).

  --root <folder>   the folder the paths are relative to (default: the table's folder)
  --dry-run         check and show what would change, write nothing

Exits 2 when the table or a sidecar it names has any problem (nothing written), 1 when rows
matched no image, 3 when a sidecar changed on disk meanwhile or could not be written.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--dry-run'], options: ['--root'] },
  async run(args, io) {
    const tablePath = path.resolve(io.cwd, args.positionals[0] as string);
    const bytes = await readFile(tablePath).catch(() => {
      throw new CliError(EXIT.usage, `${args.positionals[0]}: cannot read the table`);
    });
    const givenRoot = lastOption(args, '--root');
    const root = givenRoot === undefined ? path.dirname(tablePath) : await folderArgument(io.cwd, givenRoot);
    const scanner = createTiffScanner();
    try {
      return await importTable(
        path.basename(tablePath),
        bytes,
        { root, realRoot: await realpath(root) },
        scanner,
        args.flags.has('--dry-run'),
        io,
      );
    } finally {
      await scanner.close();
    }
  },
};

/** Previews the table, refuses it on any error, else writes its changes and reports them. */
async function importTable(
  fileName: string,
  bytes: Uint8Array,
  folder: OpenFolder,
  scanner: TiffScanner,
  dryRun: boolean,
  io: CliIo,
): Promise<number> {
  const { preview, changed } = await previewTableImport(fileName, bytes, folder, scanner);
  if (preview.ignoredColumns !== undefined) io.err(`${ignoredColumnsMessage(preview.ignoredColumns)}.`);
  if (preview.errors.length > 0) return refuseAll(io, preview.errors.map(describeIssue));
  for (const warning of preview.warnings) io.err(`warning: ${describeIssue(warning)}`);
  const profiles = createProfileFinder(createProfileCache(), { root: folder.root });
  const writer = cliWriter(profiles, scanner, dryRun, { action: `import ${fileName}`, roots: [folder.root], io });
  const write = ({ entry, read, changes }: ChangedRow, batch: WriteBatch) =>
    writer.write(entry, { changes, expected: versionRead(read) }, batch);
  const unmatched = preview.warnings.filter((w) => w.kind === 'unmatched-path').length;
  const lines = (entry: ChangedRow['entry'], outcome: ChangedOutcome) =>
    outcome.diffs.map((d) => `${entry.relPath}: ${describeDiff(d)}`);
  const code = await writeAndReport(changed, io, dryRun, write, lines, preview.rows - unmatched - changed.length);
  return unmatched > 0 ? Math.max(code, EXIT.problems) : code;
}

/** `row 3, depth: m3.tif: Depth: must be a number in µm (got "deep")`. */
function describeIssue(issue: ImportError | ImportWarning): string {
  const where = [issue.row === null ? null : `row ${issue.row}`, issue.column]
    .filter((p) => p !== null && p !== '')
    .join(', ');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
