/**
 * What every command gets to talk to the world, and how it fails.
 */
import type { LineOutput } from './output';
import type { CommandSyntax, ParsedArgs } from './args';

/** Exit codes, as `acqmeta --help` documents them. */
export const EXIT = {
  ok: 0,
  /** Problems found, or some files failed. */
  problems: 1,
  /** Bad usage or invalid values: nothing was written. */
  usage: 2,
  /** A conflict (a file changed while we worked) or an I/O error. */
  conflict: 3,
  /** Stopped by Ctrl-C (SIGINT), having cleaned up: 128 + the signal's number, as a shell reports it. */
  interrupted: 130,
} as const;

/** Streams and settings of one run. */
export interface CliIo {
  out: LineOutput;
  /** Writes one line to stderr. */
  err(line: string): void;
  /** Rewrites the progress line on stderr; only called when `showProgress`. */
  progress(text: string): void;
  /** Whether a progress indicator may be drawn (stderr is a terminal). */
  showProgress: boolean;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
}

/** A failure that ends the command with `exitCode`; the message is one line for stderr. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** One command of `acqmeta`. */
export interface Command {
  name: string;
  /** The full `acqmeta <command> --help` text. */
  help: string;
  syntax: CommandSyntax;
  /** Runs the command; resolves to the exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** A command as the dispatcher knows it before loading its code: its name, its line in the list, its loader. */
export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}
