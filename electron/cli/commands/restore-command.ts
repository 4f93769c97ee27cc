/**
 * `acqmeta restore <image-or-folder> (--undo | --before) <record-or-batch-id> [--field F]
 * [--take-back-later] [--dry-run]`: undoes one journaled action, or puts images back to their
 * state before it, as an ordinary, journaled write; `acqmeta restore <image> --rebuild` writes a
 * damaged sidecar anew from the journal.
 */
import type { SidecarVersion } from '../../../shared/api';
import {
  restoresOf,
  sinceLatest,
  takenBackBy,
  takingBack,
  undoOf,
  type JournalRecord,
  type RestoreChanges,
  type UndoChanges,
} from '../../../shared/journal';
import type { ImageEntry } from '../../services/folder';
import { readFolderJournal } from '../../services/journal';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { readSidecarFile, type WriteBatch } from '../../services/sidecar';
import { sidecarShownFor } from '../../../shared/sidecar-location';
import { createTiffScanner } from '../../services/tiff';
import { lastOption, UsageError, type ParsedArgs } from '../args';
import { restoreChannelTable } from '../channel-table-restore';
import { restoreDataset } from '../dataset-restore';
import { CliError, EXIT, type CliIo, type Command } from '../cli-io';
import { imageOrFolderArgument, imageTargets, journaledImages } from '../targets';
import { cliWriter, describeDiff } from '../write-changes';
import { rebuildSidecar } from '../rebuild-sidecar';
import { restoreHeaders } from '../header-restore';
import { writeAndReport } from '../write-report';
import { contestedLines, takenBackLines } from './restore-review';

/** The `restore` command. */
export const restoreCommand: Command = {
  name: 'restore',
  help: `Usage: acqmeta restore <image-or-folder> (--undo | --before) <record-or-batch-id> [--field <field>]
                       [--take-back-later] [--dry-run]
       acqmeta restore <image> --rebuild [--dry-run]

Ids come from acqmeta log: the batch id on an action's line (batch <id>) is the whole action,
the record id on an image's line (record <id>) that image's write alone; in log --json they
are batch and id. Either way the result is itself journaled.

--undo <id> undoes that action only: each field it changed gets its earlier value back, and
later changes of other fields stay. A field a later journaled write of the same image changed
again is contested: it is not written, but printed with both values and the later action
(exit 1, the rest written), unless --take-back-later is given. Undoing the creation of a
sidecar removes the sidecar (contested when it was edited since).

--before <id> restores to the point in time just before it: every field that record, or a
later journaled write of the same image, changed gets its earlier value, and a key the file
lacked is taken out again; going back before a sidecar's creation removes the sidecar. Each
later change it takes back is printed first (image, field, old → new, action).

A calibration acqmeta calibrate wrote into an image's header (its record or batch id) is
undone by --undo (or --before): the file gets back its earlier bytes, its length included,
if it still holds exactly what that write left (else exit 3, nothing written: undo a later
header write first); the sidecar changes of the same batch are restored too.

A channel-table record's id (from acqmeta log, given a folder) takes --before: the table is
written back as it was, byte for byte, or removed when that record created it, if the file is
still what AcqMeta's latest write of it left. A dataset file's record (acqmeta dataset) takes
--undo or --before alike: the file gets back its values and people before that record, or is
removed when the record created it, if it still holds what AcqMeta's latest write of it left.

An image whose sidecar changed since its latest journaled write (by another program) is not
written or removed: it is reported as a conflict. Journal records are followed only inside the
folder given: a record whose image is missing, or lies outside it through a link (the image's
or its sidecar's), stops the restore before anything is written. An image given is taken as
given, links followed.

  --undo <id>          undo this record or batch alone
  --before <id>        restore to before this record or batch
  --field <field>      this field only (its sidecar key)
  --take-back-later    with --undo: write contested fields too (later changes of them lost)
  --rebuild            write the image's damaged (or deleted) sidecar anew: the image header's
                       values, with each field's last value the journal knows on top; each value
                       is listed with the record it comes from, and the damaged file is kept
                       beside it as <image>.json.damaged-<UTC time>
  --dry-run            check and show what would change, write nothing

Exits 2 when the id is not in the journal or a record's image is gone or outside the folder,
1 when some sidecars were skipped or fields contested, 3 when a sidecar changed since its
latest journaled write or could not be written.`,
  syntax: {
    positionals: { min: 1, max: 1 },
    flags: ['--dry-run', '--take-back-later', '--rebuild'],
    options: ['--before', '--undo', '--field'],
  },
  async run(args, io) {
    if (args.flags.has('--rebuild')) {
      if (args.options.has('--before') || args.options.has('--undo'))
        throw new UsageError('give --rebuild alone, without --undo or --before');
      return rebuildSidecar(args.positionals[0] as string, args.flags.has('--dry-run'), io);
    }
    const { mode, id } = restoreMode(args);
    const field = lastOption(args, '--field');
    const given = args.positionals[0] as string;
    const { folder, image } = await imageOrFolderArgument(io.cwd, given);
    const read = await readFolderJournal(folder);
    for (const problem of read.problems) io.err(`warning: ${problem}`);
    if (image === null && read.tables?.some((t) => t.id === id || t.batch === id) === true) {
      if (mode === 'undo') throw new UsageError('a channel-table record is taken back with --before <id>');
      const table = await restoreChannelTable(folder, read.tables, id, args.flags.has('--dry-run'), io);
      if (table !== null) return table;
    }
    const dryRun = args.flags.has('--dry-run');
    const action = `restore --${mode} ${id}`;
    if (image === null) {
      const dataset = await restoreDataset({ folder, records: read.instruments ?? [], id, action, dryRun }, io);
      if (dataset !== null) return dataset;
    }
    const headers = (read.headers ?? []).filter((h) => image === null || h.path === image);
    const headerCode =
      field === undefined ? await restoreHeaders(io.cwd, folder, headers, id, action, dryRun, io) : null;
    const records = image === null ? read.records : read.records.filter((r) => r.path === image);
    const found = mode === 'undo' ? undoOf(records, id, field) : restoresOf(records, id, field);
    if (found === null && headerCode !== null) return headerCode;
    if (found === null) throw new CliError(EXIT.usage, `${given}: no journal record or batch ${id}`);
    const targets = await restoreTargets(io.cwd, folder, found, image === null ? null : given);
    const shown = new Map(targets.map(({ entry, restore }) => [restore.path, entry.relPath]));
    const shownPath = (p: string) => shown.get(p) ?? p;
    let contested = false;
    let writes = targets;
    if (mode === 'before') {
      for (const line of takenBackLines(takenBackBy(records, id, field), shownPath)) await io.out.line(line);
    } else {
      const takeBack = args.flags.has('--take-back-later');
      writes = [];
      for (const { entry, restore } of targets as { entry: ImageEntry; restore: UndoChanges }[]) {
        const undo = takeBack ? takingBack(restore, new Set(restore.contested.map((c) => c.field))) : restore;
        for (const line of contestedLines(undo, entry.relPath)) io.err(line);
        contested ||= undo.contested.length > 0;
        if (undo.removeSidecar !== true || undo.contested.length === 0) writes.push({ entry, restore: undo });
      }
    }
    const code = Math.max(await writeRestores(writes, folder, action, dryRun, io), headerCode ?? EXIT.ok);
    return contested ? Math.max(code, EXIT.problems) : code;
  },
};

/** `--undo <id>` or `--before <id>`, exactly one of them. */
function restoreMode(args: ParsedArgs): { mode: 'undo' | 'before'; id: string } {
  const undo = lastOption(args, '--undo');
  const before = lastOption(args, '--before');
  if (undo !== undefined && before !== undefined)
    throw new UsageError('give --undo or --before, not both: undo one action, or restore to before it');
  if (undo !== undefined) return { mode: 'undo', id: undo };
  if (before !== undefined) return { mode: 'before', id: before };
  throw new UsageError('give --undo <record-or-batch-id> or --before <record-or-batch-id> (see acqmeta log)');
}

/** Writes each image's restore through the one save path, journaled as `action`, and reports it. */
async function writeRestores(
  targets: readonly { entry: ImageEntry; restore: RestoreChanges }[],
  folder: string,
  action: string,
  dryRun: boolean,
  io: CliIo,
): Promise<number> {
  const profiles = createProfileFinder(createProfileCache(), { root: folder });
  const scanner = createTiffScanner();
  try {
    const writer = cliWriter(profiles, scanner, dryRun, { action, roots: [folder], io });
    const write = async ({ entry, restore }: (typeof targets)[number], batch: WriteBatch) =>
      writer.write(
        entry,
        {
          changes: restore.values,
          remove: restore.remove,
          ...(restore.removeSidecar === true ? { removeSidecar: true } : {}),
          expected: await expectedVersion(entry.absPath, restore.latest),
        },
        batch,
      );
    return await writeAndReport(targets, io, dryRun, write, (entry, outcome) => {
      if (outcome.kind === 'removed')
        return [`${dryRun ? 'would remove' : 'removed'} ${sidecarShownFor(entry.relPath)}`];
      const verb = dryRun ? 'would restore' : 'restored';
      return [`${verb} ${sidecarShownFor(entry.relPath)}: ${outcome.diffs.map(describeDiff).join('; ')}`];
    });
  } finally {
    await scanner.close();
  }
}

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
