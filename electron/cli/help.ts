/**
 * `acqmeta --help`: the command list and the exit codes.
 */
import type { Command, CommandEntry } from './cli-io';

/** The exit-code table every help page ends with. */
const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  problems found, or some files failed (they are listed)
  2  bad usage or invalid values: nothing was written
  3  a conflict (a sidecar changed on disk meanwhile) or an I/O error`;

/** The general help text. */
export function generalHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `acqmeta: read and edit the CloudScope sidecars (x.tif.json) next to microscopy images.

Usage: acqmeta <command> [options]
       acqmeta <command> --help

Commands:
${list}

Field names for --set and table columns: the sidecar keys, e.g. species, depth,
branch_order, physical_unit_x (acqmeta set --help lists them all).

${EXIT_CODES_HELP}
`;
}

/** A command's help page with the exit codes appended. */
export function commandHelp(command: Command): string {
  return `${command.help.trimEnd()}\n\n${EXIT_CODES_HELP}\n`;
}
