/**
 * `acqmeta export <folder> --format hubmap:confocal|hubmap:imc-2d|htan:imaging-level-2`: the
 * submission's metadata file made from every image's header, acquisition and sidecar, and its
 * to-do (each cell still to fill, and why) on stderr and in `<file>.todo.txt` beside it.
 */
import { requiredMissing, todoLines, type SubmissionFormat, type SubmissionPart } from '../../shared/submission';
import { draftSubmission } from '../services/submission';
import { EXIT, type CliIo } from './cli-io';
import { refuseExisting, writeOutput } from './file-output';
import { walkFolder } from './targets';

/** The to-do file beside the export `outFile`. */
export function todoFileOf(outFile: string): string {
  return `${outFile}.todo.txt`;
}

/** How the submission is written. */
export interface SubmissionOptions {
  /** Replace the export and its to-do file where they exist. */
  force: boolean;
  /** Print the file and its to-do; write nothing. */
  dryRun: boolean;
}

/**
 * Writes the submission file of `format` for the folder `root` to `outFile` (relative to the
 * working folder; stdout without it) and its to-do beside it; resolves to the exit code: 1
 * while a required cell is still empty.
 */
export async function exportSubmission(
  root: string,
  format: SubmissionFormat,
  outFile: string | undefined,
  io: CliIo,
  { force, dryRun }: SubmissionOptions,
): Promise<number> {
  const todoFile = outFile === undefined ? undefined : todoFileOf(outFile);
  if (todoFile !== undefined) await refuseExisting(io, todoFile, force);
  const draft = await draftSubmission(root, format, { entries: walkFolder(root) });
  const { table, text } = draft.parts[0] as SubmissionPart;
  const lines = todoLines(table.todo);
  const encode = (s: string) => new TextEncoder().encode(s);
  if (dryRun) await io.out.bytes(encode(text));
  else {
    await writeOutput(io, outFile, encode(text), force);
    if (todoFile !== undefined)
      await writeOutput(io, todoFile, encode(lines.map((line) => `${line}\n`).join('')), force);
  }
  for (const error of draft.unreadable) io.err(`${error} (what it would give is left out)`);
  const what = `${format} metadata of ${draft.imageCount} image${draft.imageCount === 1 ? '' : 's'}`;
  if (dryRun)
    io.err(`dry run: ${what}${outFile === undefined ? '' : ` for ${outFile} and ${todoFile}`}; nothing written`);
  else if (outFile !== undefined) io.err(`${what} written to ${outFile}; to-do in ${todoFile}`);
  const required = table.todo.filter((item) => item.required).length;
  io.err(
    lines.length === 0
      ? 'nothing left to fill'
      : `${lines.length} cell${lines.length === 1 ? '' : 's'} to fill (${required} required):`,
  );
  for (const line of lines) io.err(`  ${line}`);
  return requiredMissing(table.todo) ? EXIT.problems : EXIT.ok;
}
