/**
 * Entry point of the `acqmeta` command line (bundled to dist/electron/cli.cjs).
 */
import { EXIT, type CliIo } from './cli-io';
import { createLineOutput, exitOnBrokenPipe } from './output';
import { runCli } from './run-cli';

exitOnBrokenPipe(process.stdout);

const io: CliIo = {
  out: createLineOutput(process.stdout),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (text) => process.stderr.write(`\r\x1b[K${text}`),
  // On a terminal the lines themselves show progress; a second line would garble them.
  showProgress: process.stderr.isTTY === true && process.stdout.isTTY !== true,
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`acqmeta: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.conflict;
  },
);
