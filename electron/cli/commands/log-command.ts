/**
 * `acqmeta log <image-or-folder> [--field F] [--since DATE] [--json]`: the change journal of
 * an image or of every image under a folder, oldest first, with the ids `restore` takes and
 * the images whose sidecar no longer holds what their latest record wrote.
 */
import { sidecarDamageText, type JournalRecord } from '../../../shared/journal';
import { readFolderJournal, sidecarsSinceLatest, type SidecarSinceLatest } from '../../services/journal';
import { lastOption, UsageError } from '../args';
import { EXIT, type Command } from '../cli-io';
import { imageOrFolderArgument } from '../targets';
import { describeDiff } from '../write-changes';
import { channelTableLine, withTables, type LoggedRecord } from '../channel-table-log';

/** The `log` command. */
export const logCommand: Command = {
  name: 'log',
  help: `Usage: acqmeta log <image-or-folder> [--field <field>] [--since <date>] [--json]

Shows every sidecar write AcqMeta journaled for the image, or for each image under the folder
(subfolders included), and for a folder each channel table write (acqmeta.channels.csv: the
rows added, removed and changed, by Channel ID), and each calibration acqmeta calibrate wrote
into an image's own header (each header value, old → new), oldest first: each action on a line of its own (when, who (user@host),
which tool and action, and its batch id), then one line per image it wrote, indented, with the
record id, the image and each field's old and new value. The journal lives in the
.acqmeta/journal/ folder of the folder AcqMeta wrote to (see docs/journal.md).

To take a write back, give acqmeta restore --before the batch id (the whole action, all its
images, also those a filter hides) or a record id (that image alone).

An image whose sidecar is no longer what its latest journal record wrote is marked, in
brackets at the end of its last line shown: changed outside AcqMeta since (or damaged),
deleted since, that write cut short (the file is as it found it), or not readable now.

  --field <field>   only writes that changed this field (its sidecar key)
  --since <date>    only writes at or after this date (YYYY-MM-DD, or an ISO 8601 time)
  --json            one JSON object per record (JSON Lines), as the journal keeps it (a
                    change by another program that damaged or deleted the sidecar has
                    "damaged": "<reason>" or "deleted": true), with
                    paths relative to the folder given (for an image: to its folder), and
                    "sidecarNow" on an image's last record shown when its sidecar differs:
                    "changed", "deleted", "cut-short" or "unreadable"; a channel table
                    write has "kind": "channel-table" and "file", a microscope
                    description's "kind": "instrument-file", a calibration written
                    into an image's header (acqmeta calibrate) "kind": "image-header"
                    (see docs/journal.md)

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
    const lastShown = new Map(shown.map((r) => [r.path, r]));
    const differ = await sidecarsSinceLatest(folder, journal.records, lastShown.keys());
    const sidecarNow = (r: JournalRecord) => (lastShown.get(r.path) === r ? differ.get(r.path) : undefined);
    const whole = image === null && field === undefined;
    const headers = (journal.headers ?? []).filter((h) => image === null || h.path === image);
    const files = whole ? [...(journal.tables ?? []), ...(journal.instruments ?? [])] : [];
    const tables = [...files, ...(field === undefined ? headers : [])].filter((t) => since === null || t.time >= since);
    const listed = withTables(shown, tables);
    const json = args.flags.has('--json');
    if (json)
      for (const r of listed) await io.out.line(JSON.stringify('kind' in r ? r : { ...r, sidecarNow: sidecarNow(r) }));
    else for (const line of logLines(listed, sidecarNow)) await io.out.line(line);
    if (!json && listed.length === 0) io.err('no journaled changes');
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

/**
 * The text lines of `records`: a line per action (a run of records of one batch, by one
 * user@host, tool and action) with its batch id, then a line per image with its record id and,
 * where `sidecarNow` says so, how its sidecar differs now.
 */
function logLines(
  records: readonly LoggedRecord[],
  sidecarNow: (record: JournalRecord) => SidecarSinceLatest | undefined,
): string[] {
  const lines: string[] = [];
  records.forEach((record, i) => {
    const previous = records[i - 1];
    if (previous === undefined || actionOf(previous) !== actionOf(record)) lines.push(actionLine(record));
    if ('kind' in record) return void lines.push(channelTableLine(record));
    const now = sidecarNow(record);
    const mark = now === undefined ? '' : `  [${SINCE_LATEST[now]}]`;
    lines.push(`  record ${record.id}  ${record.path}  ${changesOf(record)}${mark}`);
  });
  return lines;
}

/** How a sidecar that differs from its latest record is marked. */
const SINCE_LATEST: Readonly<Record<SidecarSinceLatest, string>> = {
  changed: 'sidecar now differs from its latest record: changed outside AcqMeta since, or damaged',
  deleted: 'sidecar now differs from its latest record: deleted since',
  'cut-short': 'sidecar now differs from its latest record: that write was cut short, the file is as it found it',
  unreadable: 'sidecar cannot be read now to compare with its latest record',
};

/** What the records of one action share: a record that differs starts a line of its own. */
function actionOf(record: LoggedRecord): string {
  return JSON.stringify([record.batch, record.user, record.host, record.tool, record.action]);
}

/** `2026-11-24 09:15:02 UTC  ana@lab-pc  acqmeta: set --set genotype=Thy1  batch 580d…`. */
function actionLine(record: LoggedRecord): string {
  const time = `${record.time.slice(0, 10)} ${record.time.slice(11, 19)} UTC`;
  return `${time}  ${record.user}@${record.host}  ${record.tool}: ${record.action}  batch ${record.batch}`;
}

/** `Genotype: (none) → Thy1`, `created: …` for a sidecar the write made, `removed` one it took away, `damaged: …` or `deleted` by another program. */
function changesOf(record: JournalRecord): string {
  const damage = sidecarDamageText(record);
  if (damage !== null) return damage;
  if (record.after === null) return 'removed';
  const changes = record.changes.map((c) => describeDiff({ name: c.field, before: c.old, after: c.new }));
  const listed = changes.join('; ');
  return record.before === null ? `created${listed === '' ? '' : `: ${listed}`}` : listed || 'rewritten';
}
