/**
 * `acqmeta set <image-or-folder>... --set field=value [--dry-run]`: edits many sidecars at once.
 */
import path from 'node:path';
import { EDITABLE_FIELDS, type FieldValues } from '../../../shared/fields/field-table';
import { compileNamePattern, type NamePattern } from '../../../shared/names/name-pattern';
import { dateFieldsOf } from '../../../shared/profile';
import { parseFieldInput, validateChanges } from '../../../shared/validation';
import type { ImageEntry } from '../../services/folder';
import { createProfileCache, createProfileFinder, type ProfileFinder } from '../../services/profile';
import type { WriteBatch } from '../../services/sidecar';
import { sidecarShownFor } from '../../../shared/sidecar-location';
import { createTiffScanner } from '../../services/tiff';
import { lastOption, UsageError } from '../args';
import type { Command } from '../cli-io';
import { refusalsForEveryImage } from '../profile-refusals';
import { recoverHeaderWritesOf } from '../header-recovery';
import { folderTargets, imageTargets } from '../targets';
import { cliWriter, describeDiff } from '../write-changes';
import { refuseAll, writeAndReport } from '../write-report';

const FIELD_LIST = EDITABLE_FIELDS.map(
  (f) => `  ${f.name.padEnd(17)} ${f.displayName}${f.unit === undefined ? '' : ` (${f.unit})`}`,
).join('\n');

/** The `set` command. */
export const setCommand: Command = {
  name: 'set',
  help: `Usage: acqmeta set <image-or-folder>... --set <field>=<value> [--set ...] [--dry-run]
       acqmeta set <image-or-folder>... --from-name <pattern> [--set ...] [--dry-run]

Sets fields in the sidecar of each image given, and of every image under each folder given
(subfolders included). Every value is checked first, against the sidecar format and the lab
profile in force for each image (a closed vocabulary, a pattern, a format, a range): if any
is invalid, the problems are listed and nothing is written. A field the profile requires may
stay empty (acqmeta validate reports it). Missing sidecars are created with the header read
from the image file (TIFF, CZI, ND2, LIF, OIB); invalid (corrupt) sidecars are reported and left untouched. Prints one line per
sidecar changed, then a summary.

  --set <field>=<value>   the field's sidecar key and its new value; an empty value clears
                          the field (text becomes "", numbers become none)
  --from-name <pattern>   take values from each image's file name:
                          {date}_{genotype}_m{*}_{region}.tif   {field} takes text for
                          a field, {*} skips text, the rest is literal ({{ and }} for
                          braces, letters in any case); it must match the whole name (a
                          pattern without the extension matches the name without it);
                          re:<regular expression> with groups named after fields, e.g.
                          're:^(?<date>\\d{4}-\\d\\d-\\d\\d)_(?<genotype>[^_]+)_'
                          (RE2 syntax: matching time is linear, no look-around).
                          Images whose name does not match are listed and left as they are.
  --dry-run               check and show what would change, write nothing

Fields:
${FIELD_LIST}

Exits 2 on an invalid value (nothing written), 1 when some sidecars were skipped, 3 when a
sidecar changed on disk meanwhile or could not be written.`,
  syntax: {
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    flags: ['--dry-run'],
    options: ['--set', '--from-name'],
  },
  async run(args, io) {
    const assignments = args.options.get('--set') ?? [];
    const pattern = namePattern(lastOption(args, '--from-name'));
    if (assignments.length === 0 && pattern === null)
      throw new UsageError('give at least one --set <field>=<value>, or --from-name <pattern>');
    const { changes, problems } = parseAssignments(assignments);
    const twice = pattern?.fields.find((field) => Object.hasOwn(changes, field));
    if (twice !== undefined) throw new UsageError(`${twice} is given by --set and by --from-name`);
    if (problems.length > 0) return refuseAll(io, problems);
    const dryRun = args.flags.has('--dry-run');
    const profiles = createProfileFinder(createProfileCache(), { root: io.cwd });
    const entries = await imageTargets(io.cwd, args.positionals);
    if (!dryRun) await recoverHeaderWritesOf(io, args.positionals, entries);
    const targets = await Promise.all(
      entries.map(async (entry) => ({
        entry,
        changes: await withNameValues(entry, changes, pattern, profiles),
      })),
    );
    const invalid = targets.flatMap(({ entry, changes: c }) =>
      c.kind === 'invalid' ? c.problems.map((p) => `${entry.relPath}: ${p}`) : [],
    );
    if (invalid.length > 0) return refuseAll(io, invalid);
    const valued = targets.flatMap(({ entry, changes: c }) =>
      c.kind === 'values' ? [{ entry, changes: c.values }] : [],
    );
    const refusals = await refusalsForEveryImage(valued, profiles);
    if (refusals.length > 0) return refuseAll(io, refusals);
    const scanner = createTiffScanner();
    try {
      const action = [
        'set',
        ...assignments.map((a) => `--set ${a}`),
        ...(pattern === null ? [] : [`--from-name ${lastOption(args, '--from-name') ?? ''}`]),
      ].join(' ');
      const roots = await folderTargets(io.cwd, args.positionals);
      const writer = cliWriter(profiles, scanner, dryRun, { action, roots, io });
      const write = async ({ entry, changes: c }: (typeof targets)[number], batch: WriteBatch) => {
        // Invalid values were refused above: what is not a set of values is a name that does not match.
        if (c.kind !== 'values')
          return { kind: 'skipped' as const, reason: 'the file name does not match --from-name; left as it is' };
        return writer.write(entry, { changes: c.values, expected: 'latest' }, batch);
      };
      return await writeAndReport(targets, io, dryRun, write, (entry, outcome) => {
        const verb = dryRun ? `would ${outcome.kind === 'created' ? 'create' : 'update'}` : outcome.kind;
        return [`${verb} ${sidecarShownFor(entry.relPath)}: ${outcome.diffs.map(describeDiff).join('; ')}`];
      });
    } finally {
      await scanner.close();
    }
  },
};

/** Compiles `--from-name`; a pattern that cannot be used is bad usage. */
function namePattern(source: string | undefined): NamePattern | null {
  if (source === undefined) return null;
  const compiled = compileNamePattern(source);
  if (!compiled.ok) throw new UsageError(`--from-name: ${compiled.message}`);
  return compiled.pattern;
}

/** One image's changes: the `--set` values plus what its file name gives. */
type TargetChanges =
  { kind: 'values'; values: FieldValues } | { kind: 'unmatched' } | { kind: 'invalid'; problems: string[] };

/** One image's changes; a compact date its name gives a field its profile writes `YYYY-MM-DD` is taken in that form. */
async function withNameValues(
  entry: ImageEntry,
  changes: FieldValues,
  pattern: NamePattern | null,
  profiles: ProfileFinder,
): Promise<TargetChanges> {
  if (pattern === null) return { kind: 'values', values: changes };
  const compiled = (await profiles.forImage(entry.absPath))?.profile.compiled;
  const match = pattern.match(path.basename(entry.absPath), dateFieldsOf(compiled?.fields ?? []));
  if (!match.matched) return { kind: 'unmatched' };
  if (match.problems.length > 0) return { kind: 'invalid', problems: match.problems };
  return { kind: 'values', values: { ...match.values, ...changes } };
}

/** Parses every `--set field=value`; returns the changes and every invalid value's message. */
function parseAssignments(assignments: readonly string[]): { changes: FieldValues; problems: string[] } {
  const changes: FieldValues = {};
  const problems: string[] = [];
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs <field>=<value> (got "${assignment}")`);
    const name = assignment.slice(0, eq);
    if (Object.hasOwn(changes, name)) throw new UsageError(`--set ${name} is given twice`);
    const parsed = parseFieldInput(name, assignment.slice(eq + 1));
    if (parsed.ok) changes[name] = parsed.value;
    else problems.push(parsed.message);
  }
  return { changes, problems: [...problems, ...validateChanges(changes)] };
}
