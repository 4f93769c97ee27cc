/**
 * `acqmeta export <folder> [--format csv|tsv] [-o file]`: every image's fields as a table.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue } from '../../../shared/fields/field-table';
import type { ImageEntry } from '../../services/folder/list-images';
import { readEntrySidecar } from '../../services/rows/image-row';
import { mapInOrder } from '../../services/rows/map-in-order';
import { lastOption, UsageError } from '../args';
import { CliError, EXIT, type Command } from '../cli-io';
import { formatTable, type TableFormat } from '../table-text';
import { numberText } from '../row-format';
import { folderArgument, walkFolder } from '../targets';

/** The `export` command. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write every image\'s fields as a CSV or TSV table',
  help: `Usage: acqmeta export <folder> [--format csv|tsv] [-o <file>]

Writes one row per image under <folder> (subfolders included): the first column "path" is
the image path relative to <folder>, then one column per editable field, named by its
sidecar key. Images without a sidecar show the defaults. Images whose sidecar is invalid are
left out and reported on stderr. UTF-8, RFC 4180 quoting, CRLF line ends.

  --format csv|tsv   the table format (default: from the -o file name, else csv)
  -o <file>          write to <file> instead of stdout

The table can be edited and read back with acqmeta import.
Exits 1 when some images were left out.`,
  syntax: { positionals: { min: 1, max: 1 }, options: ['--format', '-o'] },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const outFile = lastOption(args, '-o');
    const format = tableFormat(lastOption(args, '--format'), outFile);
    const rows: string[][] = [['path', ...EDITABLE_FIELDS.map((f) => f.name)]];
    let skipped = 0;
    const read = async (entry: ImageEntry) => ({ entry, read: await readEntrySidecar(root, entry) });
    for await (const { entry, read: sidecar } of mapInOrder(walkFolder(root), 32, read)) {
      if (sidecar.state === 'invalid') {
        skipped++;
        io.err(`${entry.relPath}: left out, invalid sidecar: ${sidecar.problems.join('; ')}`);
        continue;
      }
      const { values } = sidecar;
      rows.push([entry.relPath, ...EDITABLE_FIELDS.map((f) => cellText(values[f.name], f))]);
    }
    const text = formatTable(rows, format);
    if (outFile === undefined) await io.out.write(text);
    else {
      await writeFile(path.resolve(io.cwd, outFile), text, 'utf8').catch((error: Error) => {
        throw new CliError(EXIT.conflict, `cannot write ${outFile}: ${error.message}`);
      });
      io.err(`${rows.length - 1} images written to ${outFile}`);
    }
    return skipped > 0 ? EXIT.problems : EXIT.ok;
  },
};

function tableFormat(given: string | undefined, outFile: string | undefined): TableFormat {
  if (given === 'csv' || given === 'tsv') return given;
  if (given !== undefined) throw new UsageError(`--format must be csv or tsv (got "${given}")`);
  return outFile !== undefined && /\.(tsv|tab)$/i.test(outFile) ? 'tsv' : 'csv';
}

function cellText(value: FieldValue | undefined, spec: FieldSpec): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : numberText(value, spec);
}
