/**
 * `acqmeta results <folder> [--format csv|tsv] [-o file]`: every analysis record of the folder
 * as one tidy table (read-only).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RESULTS_FORMATS, type ResultsFormat } from '../../../shared/api';
import { collectResults, resultsFile } from '../../services/results';
import { lastOption, UsageError } from '../args';
import { CliError, EXIT, type Command } from '../cli-io';
import { folderArgument, walkFolder } from '../targets';

const FORMAT_LIST = RESULTS_FORMATS.join('|');

/** The `results` command. */
export const resultsCommand: Command = {
  name: 'results',
  summary: 'write every analysis record (ROI results) of a folder as one table',
  help: `Usage: acqmeta results <folder> [--format ${FORMAT_LIST}] [-o <file>]

Writes one row per analysis record of every sidecar under <folder> (subfolders included):
"path" (the image, relative to <folder>), every editable field (experimental, calibration,
accepted), then "analysis", "roi_id" and "channel", then one column per summary value found in
any record (blank where a record lacks it). Numbers are written exactly as the sidecars have them; NaN is
a blank cell and Infinity is written inf. Images without analyses add no rows; images whose
sidecar is invalid are left out and reported on stderr. Nothing is written to the sidecars.
UTF-8, RFC 4180 quoting, CRLF line ends.

  --format ${FORMAT_LIST}   the table format (default: from the -o file name, else csv)
  -o <file>          write to <file> instead of stdout

Exits 1 when some images were left out.`,
  syntax: { positionals: { min: 1, max: 1 }, options: ['--format', '-o'] },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const outFile = lastOption(args, '-o');
    const format = resultsFormat(lastOption(args, '--format'), outFile);
    const { table, leftOut } = await collectResults(root, walkFolder(root));
    for (const { path: relPath, reason } of leftOut) io.err(`${relPath}: left out, invalid sidecar: ${reason}`);
    const file = resultsFile(table, format, path.basename(root));
    if (outFile === undefined) await io.out.write(file.bytes.toString('utf8'));
    else {
      await writeFile(path.resolve(io.cwd, outFile), file.bytes).catch((error: Error) => {
        throw new CliError(EXIT.conflict, `cannot write ${outFile}: ${error.message}`);
      });
      const images = new Set(table.rows.map((row) => row[0])).size;
      io.err(`${table.rows.length} records of ${images} images written to ${outFile}`);
    }
    return leftOut.length > 0 ? EXIT.problems : EXIT.ok;
  },
};

/** The format asked for, else the -o file's extension (`.tab` is TSV), else CSV. */
function resultsFormat(given: string | undefined, outFile: string | undefined): ResultsFormat {
  const known = (name: string | undefined): name is ResultsFormat => (RESULTS_FORMATS as readonly string[]).includes(name ?? '');
  if (given !== undefined) {
    if (known(given)) return given;
    throw new UsageError(`--format must be ${RESULTS_FORMATS.join(' or ')} (got "${given}")`);
  }
  const extension = outFile === undefined ? undefined : path.extname(outFile).slice(1).toLowerCase();
  if (extension === 'tab') return 'tsv';
  return known(extension) ? extension : 'csv';
}
