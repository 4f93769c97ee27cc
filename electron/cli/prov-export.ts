/**
 * `acqmeta export <folder> --format prov`: the change journal of the images under the folder as
 * a W3C PROV-JSON document (shared/journal/journal-prov.ts); journal lines that cannot be read
 * are warned of on stderr, as `acqmeta log` does.
 */
import path from 'node:path';
import { journalProv } from '../../shared/journal';
import { plural } from '../../shared/sheets/markdown-text';
import { readFolderJournal } from '../services/journal';
import { EXIT } from './cli-io';
import { writeOutput, type FolderExport } from './file-output';

/** The `--format` of the journal as PROV-JSON. */
export const PROV_FORMAT = 'prov';

/** Whether `-o` names a JSON file (`.json`, `.prov.json`), whose name picks the prov format. */
export function isProvFileName(outFile: string): boolean {
  return /\.json$/i.test(outFile);
}

/**
 * Writes the PROV-JSON of the journal of the folder `root` (`shown`: as the command line named
 * it) to `outFile` (relative to the working folder; replacing a file there only with `force`) or stdout. A folder without journaled
 * changes gets a document without records, and stderr says so; resolves to the exit code (0).
 */
export async function exportProv({ root, shown, outFile, io, force }: FolderExport): Promise<number> {
  const { records, problems } = await readFolderJournal(root);
  for (const problem of problems) io.err(`warning: ${problem}`);
  const document = journalProv(records, path.basename(root));
  await writeOutput(io, outFile, new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`), force);
  const batches = Object.keys(document.activity).length;
  if (records.length === 0) io.err(`no journaled changes under ${shown}: the PROV document has no records`);
  else if (outFile !== undefined)
    io.err(
      `${plural(records.length, 'journaled write')} (${plural(batches, 'action')}) written to ${outFile} as PROV-JSON`,
    );
  return EXIT.ok;
}
