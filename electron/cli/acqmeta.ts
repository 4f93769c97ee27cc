/**
 * Entry point of the `acqmeta` command line (bundled to dist/electron/cli.cjs).
 */
import '../services/process-tuning'; // first: before anything runs
import { EXIT } from './cli-io';
import { exitOnBrokenPipe } from './output';
import { runCli } from './run-cli';
import { createTerminalIo } from './terminal-io';

exitOnBrokenPipe(process.stdout);

runCli(process.argv.slice(2), createTerminalIo(process.stdout, process.stderr, process.cwd())).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`acqmeta: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.conflict;
  },
);
