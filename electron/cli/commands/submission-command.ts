/**
 * `acqmeta submission <folder> --to <target> -o <upload-folder>`: a lab folder built into a
 * repository's upload (HuBMAP: metadata files and one dataset directory by the assay's directory
 * schema; HTAN: the manifest, its channel file and the images it names), the to-do on stderr.
 */
import path from 'node:path';
import {
  isSubmissionFormat,
  requiredMissing,
  SUBMISSION_FORMATS,
  todoHeadline,
  todoLines,
} from '../../../shared/submission';
import { buildUpload, planNotes, planUpload, reviewUpload, UploadRefused } from '../../services/upload';
import type { UploadStep } from '../../../shared/api';
import { UsageError, lastOption } from '../args';
import { CliError, EXIT, type CliIo, type Command } from '../cli-io';
import { interruptible } from '../collection-export';
import { printable } from '../output';
import { folderArgument } from '../targets';
import { sizeText } from './convert-command';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What a build would put in the upload, one line each: how, where (relative to the upload folder), how big, from what. */
function planLines(steps: readonly UploadStep[]): string[] {
  return steps.map(
    (step) =>
      `${step.action.padEnd(8)} ${step.path}${step.bytes === null ? '' : `  ${sizeText(step.bytes)}`}${step.source === null ? '' : `  (from ${step.source})`}`,
  );
}

/** The `submission` command. */
export const submissionCommand: Command = {
  name: 'submission',
  help: `Usage: acqmeta submission <folder> --to <target> -o <upload-folder> [--force] [--dry-run]

Builds <upload-folder>, the upload of the lab folder <folder> for <target>, one of
${SUBMISSION_FORMATS.join(', ')}.

HuBMAP: at the top the metadata TSV (as acqmeta export --format writes it, data_path naming the
dataset directory), contributors.tsv and antibodies.tsv where the template has them; and one
dataset directory, named as <folder>, laid out by the assay's directory schema:
  raw/images/             each vendor file, byte for byte (a hard link where the disk allows,
                          else a copy read back and compared)
  raw/channel_layout.tsv  each raw file's channels and the moiety each shows (Target Name)
  lab_processed/images/   an OME-TIFF copy of each image (as acqmeta convert writes it, every
                          plane read back equal) and its <name>.ome-tiff.channels.csv
  extras/                 microscope_hardware.json from the lab's catalogue, with
                          microscope_settings.json naming the parts of it the images used
                          (when all were taken alike), and the folder's own extras/
  qa_qc/                  the folder's own qa_qc/
  raw/antibody_timings.tsv
                          light sheet only: the folder's own (no image states it)
HTAN: the manifest and its channel metadata file at the top, and the images it names below
<folder>'s name, byte for byte. AcqMeta's own files (sidecars, channel table, profile, journal)
never go in.

The upload is built in a staging folder beside <upload-folder> and renamed into place: a failure
or Ctrl-C leaves nothing half-built. Then HuBMAP's directory schema and the references of the
metadata's path columns are checked; what they find, and every cell no file, sidecar or
dataset value supplies, is the to-do printed on stderr.

  --to <target>      what to build (see above)
  -o <folder>        the upload folder: must not exist, unless --force
  --force            replace an upload built there before (one with its metadata file at the top)
  --dry-run          list what would be written, linked and converted, and the to-do; write nothing

Exits 0 when nothing required is left to do, 1 while something is, 2 when it cannot be built
as asked (nothing written), 130 when interrupted.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--force', '--dry-run'], options: ['--to', '-o'] },
  async run(args, io) {
    const to = lastOption(args, '--to');
    if (to === undefined) throw new UsageError(`missing --to (${SUBMISSION_FORMATS.join(', ')})`);
    if (!isSubmissionFormat(to))
      throw new UsageError(`cannot build an upload for "${to}" (${SUBMISSION_FORMATS.join(', ')})`);
    const output = lastOption(args, '-o');
    if (output === undefined) throw new UsageError('missing -o <upload-folder>');
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const upload = path.resolve(io.cwd, output);
    const plan = await planUpload(root, to).catch((error: unknown) => {
      if (error instanceof UploadRefused) throw new CliError(EXIT.usage, error.message);
      // a disk error is a conflict; anything else is a file of the lab's that is not what it should be
      if (typeof (error as NodeJS.ErrnoException).code === 'string') throw error;
      throw new CliError(EXIT.usage, `nothing built: ${(error as Error).message}`);
    });
    for (const note of planNotes(plan)) io.err(note);
    if (args.flags.has('--dry-run')) {
      // a dry run refuses what the build would refuse: an upload folder it may not build at
      const review = await reviewUpload(plan, upload, args.flags.has('--force')).catch((error: unknown) => {
        throw error instanceof UploadRefused ? new CliError(EXIT.usage, error.message) : error;
      });
      for (const line of planLines(review.steps)) await io.out.line(printable(line));
      io.err(`dry run: the upload of ${plural(plan.raw.length, 'image file')} for ${output}; nothing written`);
      return report(io, review.todo);
    }
    let shown = 0;
    const outcome = await interruptible((signal) =>
      buildUpload({
        plan,
        upload,
        force: args.flags.has('--force'),
        signal,
        onProgress: ({ done, total, current }) => {
          if (!io.showProgress || Date.now() - shown < 100) return;
          shown = Date.now();
          io.progress(`Building the upload: ${sizeText(done)} of ${sizeText(total)}: ${printable(current)}`);
        },
      }),
    ).catch((error: unknown) => {
      if (error instanceof UploadRefused) throw new CliError(EXIT.usage, error.message);
      throw new CliError(EXIT.conflict, `nothing built: ${(error as Error).message}`);
    });
    if (io.showProgress) io.progress('');
    if (outcome === null) {
      io.err(`interrupted: nothing was written to ${output}`);
      return EXIT.interrupted;
    }
    io.err(
      `upload built in ${output}: ${plural(outcome.linked, 'file')} linked, ${plural(outcome.copied, 'file')} copied and verified, ${outcome.converted} OME-TIFF ${outcome.converted === 1 ? 'copy' : 'copies'} converted and verified`,
    );
    return report(io, outcome.todo);
  },
};

/** Prints the to-do on stderr; the exit code: 1 while a required item is left. */
function report(io: CliIo, todo: Parameters<typeof todoLines>[0]): number {
  const lines = todoLines(todo);
  io.err(todoHeadline(todo));
  for (const line of lines) io.err(`  ${printable(line)}`);
  return requiredMissing(todo) ? EXIT.problems : EXIT.ok;
}
