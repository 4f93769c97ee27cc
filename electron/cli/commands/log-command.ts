/**
 * `acqmeta log <image-or-folder> [--field F] [--since DATE] [--json]`: the change journal of
 * an image or of every image under a folder, oldest first.
 */
import type { JournalRecord } from '../../../shared/journal';
import { readFolderJournal } from '../../services/journal';
import { lastOption, UsageError } from '../args';
import { EXIT, type Command } from '../cli-io';
import { printable } from '../output';
import { imageOrFolderArgument } from '../targets';
import { describeDiff } from '../write-changes';

/** The `log` command. */
export const logCommand: Command = {
  name: 'log',
  summary: 'show the change journal of an image or of the images under a folder',
  help: `Usage: acqmeta log <image-or-folder> [--field <field>] [--since <date>] [--json]

Shows every sidecar write AcqMeta journaled for the image, or for each image under the folder
(subfolders included), oldest first: when, who (user@host), which tool and action, the image
and each field's old and new value. The journal lives in the .acqmeta/journal/ folder of the
folder AcqMeta wrote to (see docs/journal.md).

  --field <field>   only writes that changed this field (its sidecar key)
  --since <date>    only writes at or after this date (YYYY-MM-DD, or an ISO 8601 time)
  --json            one JSON object per record (JSON Lines), as the journal keeps it, with
                    paths relative to the folder given (for an image: to its folder)

Lines of the journal that cannot be read (one cut short by a crash) are named on stderr.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--json'], options: ['--field', '--since'] },
  async run(args, io) {
    const { folder, image } = await imageOrFolderArgument(io.cwd, args.positionals[0] as string);
    const field = lastOption(args, '--field');
    const since = sinceOption(lastOption(args, '--since'));
    const journal = await readFolderJournal(folder);
    for (const problem of journal.problems) io.err(`warning: ${problem}`);
    const shown = journal.records.filter(
      (r) =>
        (image === null || r.path === image) &&
        (field === undefined || r.changes.some((c) => c.field === field)) &&
        (since === null || r.time >= since),
    );
    const json = args.flags.has('--json');
    for (const record of shown) await io.out.line(json ? JSON.stringify(record) : printable(recordLine(record)));
    if (!json && shown.length === 0) io.err('no journaled changes');
    return EXIT.ok;
  },
};

/** `--since` as the ISO time records are compared with; a date that cannot be read is bad usage. */
function sinceOption(given: string | undefined): string | null {
  if (given === undefined) return null;
  const time = /^\d{4}-\d\d-\d\d$/.test(given) ? Date.parse(`${given}T00:00:00Z`) : Date.parse(given);
  if (Number.isNaN(time)) throw new UsageError(`--since: not a date (got "${given}"); use YYYY-MM-DD`);
  return new Date(time).toISOString();
}

/** `2026-11-24 09:15:02 UTC  ana@lab-pc  acqmeta: set --set genotype=Thy1  m1.tif  Genotype: (none) → Thy1`. */
function recordLine(record: JournalRecord): string {
  const time = `${record.time.slice(0, 10)} ${record.time.slice(11, 19)} UTC`;
  const changes = record.changes.map((c) => describeDiff({ name: c.field, before: c.old, after: c.new }));
  const listed = changes.join('; ');
  const what = record.before === null ? `created${listed === '' ? '' : `: ${listed}`}` : listed || 'rewritten';
  return `${time}  ${record.user}@${record.host}  ${record.tool}: ${record.action}  ${record.path}  ${what}`;
}
