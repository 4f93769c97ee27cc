/**
 * The {@link CliIo} of a real run: stdout, stderr, and a progress line on stderr when it is a
 * terminal.
 */
import type { Writable } from 'node:stream';
import type { CliIo } from './cli-io';
import { createLineOutput, printable, printableLines } from './output';

/** A stream that may be a terminal (`process.stdout`, `process.stderr`). */
export type MaybeTerminal = Writable & { isTTY?: boolean };

const ERASE_LINE = '\r\x1b[K';

/**
 * Wires a run to its streams. The progress line is drawn only when stderr is a terminal, and
 * erased before any other line is written to stderr or, when stdout is the same terminal, to
 * stdout, so it never mixes with them. Every line to either stream, and the progress line, has
 * its control characters escaped (`printable`): messages name files and quote their contents.
 */
export function createTerminalIo(stdout: MaybeTerminal, stderr: MaybeTerminal, cwd: string): CliIo {
  let progressShown = false;
  const erase = (): void => {
    if (!progressShown) return;
    progressShown = false;
    stderr.write(ERASE_LINE);
  };
  return {
    out: createLineOutput(stdout, stdout.isTTY === true ? erase : undefined),
    err: (line) => {
      erase();
      stderr.write(`${printableLines(line)}\n`);
    },
    progress: (text) => {
      stderr.write(`${ERASE_LINE}${printable(text)}`);
      progressShown = text !== '';
    },
    showProgress: stderr.isTTY === true,
    cwd,
  };
}
