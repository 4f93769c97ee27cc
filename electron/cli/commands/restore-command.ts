/**
 * `acqmeta restore <image-or-folder> --before <record-or-batch-id> [--field F] [--dry-run]`:
 * puts images back to their state before a journal record or a whole batch, as an ordinary,
 * journaled write.
 */
import type { SidecarVersion } from '../../../shared/api';
import { restoresOf, sinceLatest, type JournalRecord, type RestoreChanges } from '../../../shared/journal';
import type { ImageEntry } from '../../services/folder';
import { readFolderJournal } from '../../services/journal';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { readSidecarFile, type WriteBatch } from '../../services/sidecar';
import { createTiffScanner } from '../../services/tiff';
import { lastOption, UsageError } from '../args';
import { restoreChannelTable } from '../channel-table-restore';
import { CliError, EXIT, type Command } from '../cli-io';
import { imageOrFolderArgument, imageTargets, journaledImages } from '../targets';
import { rebuildSidecar } from '../rebuild-sidecar';
import { cliWriter, describeDiff } from '../write-changes';
import { writeAndReport } from '../write-report';

/** The `restore` command. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'put images back to their state before a journal record or batch, or rebuild a damaged sidecar',
  help: `Usage: acqmeta restore <image-or-folder> --before <record-or-batch-id> [--field <field>] [--dry-run]
       acqmeta restore <image> --rebuild [--dry-run]

Puts back each image the record or batch wrote (of those under the folder given, or the image
given) to its state just before it: every field that record, or a later journaled write of
the same image, changed gets its earlier value again, and a key the file lacked is taken out
again. Ids come from acqmeta log: the batch id on an action's line (batch <id>) takes back the
whole action, the record id on an image's line (record <id>) that image's write alone; in
log --json they are batch and id. The restore is itself journaled. An image whose sidecar
changed since its latest journaled write (by another program) is not written: it is reported
as a conflict. Journal records are followed only inside the folder given: a record whose
image is missing, or lies outside it through a link (the image's or its sidecar's), stops the
restore before anything is written. An image given is taken as given, links followed.

  --before <id>     a record id or a batch id
  --field <field>   restore this field only (its sidecar key)
  --rebuild         write the image's damaged (or deleted) sidecar anew: the image header's
                    values, with each field's last value the journal knows on top; each value
                    is listed with the record it comes from, and the damaged file is kept
                    beside it as <image>.json.damaged-<UTC time>
  --dry-run         check and show what would change, write nothing

Exits 2 when the id is not in the journal or a record's image is gone or outside the folder,
1 when some sidecars were skipped, 3 when a sidecar changed since its latest journaled write
or could not be written.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--dry-run', '--rebuild'], options: ['--before', '--field'] },
  async run(args, io) {
    const id = lastOption(args, '--before');
    const given = args.positionals[0] as string;
    if (args.flags.has('--rebuild')) {
      if (id !== undefined) throw new UsageError('give either --before or --rebuild');
      return rebuildSidecar(given, args.flags.has('--dry-run'), io);
    }
    if (id === undefined) throw new UsageError('give --before <record-or-batch-id> (see acqmeta log)');
    const { folder, image } = await imageOrFolderArgument(io.cwd, given);
    const { records, problems, tables = [] } = await readFolderJournal(folder);
    for (const problem of problems) io.err(`warning: ${problem}`);
    const table =
      image === null ? await restoreChannelTable(folder, tables, id, args.flags.has('--dry-run'), io) : null;
    if (table !== null) return table;
    const restores = restoresOf(
      image === null ? records : records.filter((r) => r.path === image),
      id,
      lastOption(args, '--field'),
    );
    if (restores === null) throw new CliError(EXIT.usage, `${given}: no journal record or batch ${id}`);
    const targets = await restoreTargets(io.cwd, folder, restores, image === null ? null : given);
    const dryRun = args.flags.has('--dry-run');
    const profiles = createProfileFinder(createProfileCache(), { root: folder });
    const scanner = createTiffScanner();
    try {
      const action = `restore --before ${id}`;
      const writer = cliWriter(profiles, scanner, dryRun, { action, roots: [folder], io });
      const write = async ({ entry, restore }: (typeof targets)[number], batch: WriteBatch) =>
        writer.write(
          entry,
          {
            changes: restore.values,
            remove: restore.remove,
            expected: await expectedVersion(entry.absPath, restore.latest),
          },
          batch,
        );
      return await writeAndReport(targets, io, dryRun, write, (entry, outcome) => {
        const verb = dryRun ? 'would restore' : 'restored';
        return [`${verb} ${entry.relPath}.json: ${outcome.diffs.map(describeDiff).join('; ')}`];
      });
    } finally {
      await scanner.close();
    }
  },
};

/**
 * The images of the restores: the image the user named (`given`), taken as given like any
 * image argument, or else each record's image confined to the folder (see `journaledImages`).
 */
async function restoreTargets(cwd: string, folder: string, restores: readonly RestoreChanges[], given: string | null) {
  const entries =
    given === null
      ? await journaledImages(
          cwd,
          folder,
          restores.map((r) => r.path),
        )
      : await imageTargets(cwd, [given]);
  return restores.map((restore, i) => ({ entry: entries[i] as ImageEntry, restore }));
}

/**
 * The version a restore edits: the sidecar as it is now, when it holds the bytes its latest
 * record wrote, or those that record found (its write was cut short: killed after its record
 * was synced, before its rename); its modification time need not match (a copy, a share that
 * stamps renames). Any other content was written by someone else since: the latest record's
 * version is expected, and the save meets the conflict.
 */
async function expectedVersion(imagePath: string, latest: JournalRecord): Promise<SidecarVersion | null> {
  const file = await readSidecarFile(imagePath).catch(() => null);
  const now = file === null || file.state === 'missing' ? null : file.version;
  if (now !== null && sinceLatest(latest, now.sha256) !== 'changed') return now;
  const { after } = latest;
  return after === null ? null : { size: after.size, mtimeMs: after.mtime, sha256: after.sha256 };
}
