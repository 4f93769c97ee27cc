/**
 * `acqmeta export <folder> --format <hubmap:…|htan:…>`: the submission's metadata file made from
 * every image's header, acquisition and sidecar, its companion files beside it (contributors,
 * antibodies, channel metadata) or in the dataset folder (the microscope's description), and
 * their to-do (each cell still to fill, and why) on stderr and in `<file>.todo.txt` beside the
 * metadata file. The dataset folder is written in only when the metadata file goes beside it (an
 * upload's layout); with -o elsewhere its files go in a folder of its name beside the metadata file.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  requiredMissing,
  todoLines,
  todoSummaryLines,
  type SubmissionFormat,
  type SubmissionPart,
} from '../../shared/submission';
import { draftSubmission } from '../services/submission';
import { CliError, EXIT, type CliIo } from './cli-io';
import { refuseAnyExisting, writeOutput } from './file-output';
import { walkFolder } from './targets';

/** The to-do file beside the export `outFile`. */
export function todoFileOf(outFile: string): string {
  return `${outFile}.todo.txt`;
}

/** How the submission is written. */
export interface SubmissionOptions {
  /** Replace the export, its companions and its to-do file where they exist. */
  force: boolean;
  /** Print the metadata file and the to-do, and list the files; write nothing. */
  dryRun: boolean;
}

/** A file to write: where (as the command line shows it), what, and whether in the dataset folder. */
interface Target {
  readonly file: string;
  readonly text: string;
  readonly inDataset?: boolean;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Writes the submission of `format` for the folder `root`: the metadata file to `outFile`
 * (relative to the working folder; stdout without it), its companions and its to-do beside it,
 * none of them until all are known not to exist (or `force`); resolves to the exit code: 1
 * while a required cell is still empty.
 */
export async function exportSubmission(
  root: string,
  format: SubmissionFormat,
  outFile: string | undefined,
  io: CliIo,
  { force, dryRun }: SubmissionOptions,
): Promise<number> {
  const metadataFolder = outFile === undefined ? undefined : path.dirname(path.resolve(io.cwd, outFile));
  const draft = await draftSubmission(root, format, { entries: walkFolder(root), metadataFolder });
  if (draft.refused.length > 0) throw new CliError(EXIT.usage, `nothing written: ${draft.refused.join('; ')}`);
  const [metadata, ...companions] = draft.parts as [SubmissionPart, ...SubmissionPart[]];
  const todo = draft.parts.flatMap((part) => part.table.todo);
  const lines = todoLines(todo);
  // the dataset folder's own files go in it only when the metadata file is written beside it, as
  // in an upload; else in a folder named as it beside the metadata file: the lab's folder is left as it is
  const datasetDir =
    outFile === undefined
      ? ''
      : draft.dataPath !== undefined
        ? path.relative(io.cwd, root) || '.'
        : path.join(path.dirname(outFile), path.basename(root));
  const targets = outFile === undefined ? [] : targetsOf(outFile, datasetDir, draft.parts, lines);
  await refuseAnyExisting(
    io,
    targets.map((target) => target.file),
    force,
  );
  const encode = (s: string) => new TextEncoder().encode(s);
  if (dryRun || outFile === undefined) await io.out.bytes(encode(metadata.text));
  else
    for (const { file, text, inDataset } of targets) {
      if (inDataset) await mkdir(path.dirname(path.resolve(io.cwd, file)), { recursive: true });
      await writeOutput(io, file, encode(text), force);
    }
  for (const error of draft.unreadable) io.err(`${error} (what it would give is left out)`);
  const what = `${format} metadata of ${plural(draft.imageCount, 'image')}`;
  const files = targets.map((target) => target.file).join(', ');
  if (dryRun) io.err(`dry run: ${what}${outFile === undefined ? '' : ` for ${files}`}; nothing written`);
  else if (outFile !== undefined) io.err(`${what} written to ${files}`);
  if (outFile === undefined && companions.length > 0)
    io.err(
      `${companions.map((part) => part.name).join(', ')} not written: they go beside the metadata file (give -o <file>)`,
    );
  const required = todo.filter((item) => item.required).length;
  io.err(
    lines.length === 0 ? 'nothing left to fill' : `${plural(lines.length, 'cell')} to fill (${required} required):`,
  );
  for (const line of todoSummaryLines(todo)) io.err(`  ${line}`);
  return requiredMissing(todo) ? EXIT.problems : EXIT.ok;
}

/**
 * The files written for `-o outFile`: the metadata file, each companion beside it (or in the
 * dataset folder `datasetDir`, as the command line shows it), then the to-do.
 */
function targetsOf(
  outFile: string,
  datasetDir: string,
  parts: readonly SubmissionPart[],
  lines: readonly string[],
): Target[] {
  const [metadata, ...companions] = parts as [SubmissionPart, ...SubmissionPart[]];
  const beside = (name: string) => path.join(path.dirname(outFile), name);
  const targets = [
    { file: outFile, text: metadata.text },
    ...companions.map((part) =>
      part.inDataset === true
        ? { file: path.join(datasetDir, part.name), text: part.text, inDataset: true }
        : { file: beside(part.name), text: part.text },
    ),
    { file: todoFileOf(outFile), text: lines.map((line) => `${line}\n`).join('') },
  ];
  const clash = companions.find((_, i) => path.resolve(targets[i + 1]?.file ?? '') === path.resolve(outFile));
  if (clash !== undefined)
    throw new CliError(
      EXIT.usage,
      `-o ${outFile}: ${clash.name} is written ${clash.inDataset === true ? 'there in the dataset folder' : 'beside the metadata file'}; name it otherwise`,
    );
  return targets;
}
