/**
 * `acqmeta set <image-or-folder>... --set field=value [--dry-run]`: edits many sidecars at once.
 */
import { EDITABLE_FIELDS, type FieldValues } from '../../../shared/fields/field-table';
import { parseFieldInput, validateChanges } from '../../../shared/validation';
import type { ImageEntry } from '../../services/folder/list-images';
import type { WriteBatch } from '../../services/sidecar';
import { createTiffScanner } from '../../services/tiff';
import { UsageError } from '../args';
import type { Command } from '../cli-io';
import { imageTargets } from '../targets';
import { applyPlan, describeDiff, planChanges, setFields } from '../write-changes';
import { refuseAll, writeAndReport } from '../write-report';

const FIELD_LIST = EDITABLE_FIELDS.map((f) => `  ${f.name.padEnd(17)} ${f.displayName}${f.unit === undefined ? '' : ` (${f.unit})`}`).join('\n');

/** The `set` command. */
export const setCommand: Command = {
  name: 'set',
  summary: 'set fields in the sidecars of images or of every image under folders',
  help: `Usage: acqmeta set <image-or-folder>... --set <field>=<value> [--set ...] [--dry-run]

Sets fields in the sidecar of each image given, and of every image under each folder given
(subfolders included). Every value is checked first: if any is invalid, the problems are
listed and nothing is written. Missing sidecars are created with the header read from the
TIFF; invalid (corrupt) sidecars are reported and left untouched. Prints one line per sidecar
changed, then a summary.

  --set <field>=<value>   the field's sidecar key and its new value; an empty value clears
                          the field (text becomes "", numbers become none)
  --dry-run               check and show what would change, write nothing

Fields:
${FIELD_LIST}

Exits 2 on an invalid value (nothing written), 1 when some sidecars were skipped, 3 when a
sidecar changed on disk meanwhile or could not be written.`,
  syntax: { positionals: { min: 1, max: Number.POSITIVE_INFINITY }, flags: ['--dry-run'], options: ['--set'] },
  async run(args, io) {
    const { changes, problems } = parseAssignments(args.options.get('--set') ?? []);
    if (problems.length > 0) return refuseAll(io, problems);
    const dryRun = args.flags.has('--dry-run');
    const targets = (await imageTargets(io.cwd, args.positionals)).map((entry) => ({ entry }));
    const scanner = createTiffScanner();
    try {
      const write = dryRun
        ? async ({ entry }: { entry: ImageEntry }) => applyPlan(entry, await planChanges(entry, changes, scanner), true)
        : ({ entry }: { entry: ImageEntry }, batch: WriteBatch) => setFields(entry, changes, scanner, batch);
      return await writeAndReport(targets, io, dryRun, write, (entry, outcome) => {
        const verb = dryRun ? `would ${outcome.kind === 'created' ? 'create' : 'update'}` : outcome.kind;
        return [`${verb} ${entry.relPath}.json: ${outcome.diffs.map(describeDiff).join('; ')}`];
      });
    } finally {
      await scanner.close();
    }
  },
};

/** Parses every `--set field=value`; returns the changes and every invalid value's message. */
function parseAssignments(assignments: readonly string[]): { changes: FieldValues; problems: string[] } {
  if (assignments.length === 0) throw new UsageError('give at least one --set <field>=<value>');
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
