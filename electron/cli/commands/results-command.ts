/**
 * `acqmeta results <folder> [--format csv|tsv|xlsx] [-o file]`: every analysis record of the
 * folder as one tidy table (read-only).
 */
import { RESULTS_FORMATS, type ResultsFormat } from '../../../shared/analysis';
import { collectResults, resultsFile } from '../../services/results';
import { exportFormatOfName } from '../../services/sheets/table-file';
import { lastOption, UsageError } from '../args';
import { EXIT, type Command } from '../cli-io';
import { forceOf, FORCE, refuseWorkbookOnTerminal, writeOutput } from '../file-output';
import { folderArgument, walkFolder } from '../targets';

/** The `results` command. */
export const resultsCommand: Command = {
  name: 'results',
  help: `Usage: acqmeta results <folder> [--format csv|tsv|xlsx] [-o <file> [--force]]

Writes one row per analysis record of every sidecar under <folder> (subfolders included):
"path" (the image, relative to <folder>), every editable field (experimental, calibration,
accepted), then "analysis", "roi_id" and "channel", then one column per summary value found in
any record (blank where a record lacks it). Numbers are written exactly as the sidecars have
them; NaN is an empty cell and Infinity is written inf. Images without analyses add no rows;
images whose sidecar is invalid are left out and reported on stderr. Nothing is written to
the sidecars.

  --format csv|tsv   UTF-8 text, RFC 4180 quoting, CRLF line ends; text that begins with
                     =, +, -, @, a tab or a carriage return (or with ') gets a leading ',
                     so that spreadsheet programs do not run it as a formula
  --format xlsx      an Excel workbook: numbers are numbers, text is text (never a
                     formula), an empty cell is no value
                     (needs -o, or stdout not being a terminal)
  -o <file>          write to <file> instead of stdout (through a temp file renamed into
                     place); without --format, its name ending (.csv, .tsv, .xlsx) picks
                     the format; a file that exists is left as it is (exit 2)
  --force            let -o replace a file that exists

Exits 1 when some images were left out.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: [FORCE], options: ['--format', '-o'] },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const outFile = lastOption(args, '-o');
    const format = resultsFormat(lastOption(args, '--format'), outFile);
    refuseWorkbookOnTerminal(format, outFile, io);
    const force = await forceOf(args, io, outFile);
    const { table, skipped } = await collectResults(root, walkFolder(root));
    for (const { path: relPath, message } of skipped) io.err(`${relPath}: left out, ${message}`);
    const file = await resultsFile(table, format);
    await writeOutput(io, outFile, file.bytes, force);
    if (outFile !== undefined) {
      const images = new Set(table.rows.map((row) => row[0])).size;
      io.err(`${table.rows.length} records of ${images} images written to ${outFile}`);
    }
    return skipped.length > 0 ? EXIT.problems : EXIT.ok;
  },
};

/** The format asked for, else the -o file's name ending, else CSV. */
function resultsFormat(given: string | undefined, outFile: string | undefined): ResultsFormat {
  if (given === undefined) return outFile === undefined ? 'csv' : exportFormatOfName(outFile);
  if ((RESULTS_FORMATS as readonly string[]).includes(given)) return given as ResultsFormat;
  throw new UsageError(`--format must be one of ${RESULTS_FORMATS.join(', ')} (got "${given}")`);
}
