/**
 * Dispatches `acqmeta <command> ...` and turns failures into messages and exit codes.
 */
import { parseArgs, UsageError } from './args';
import { CliError, EXIT, type CliIo, type Command } from './cli-io';
import { calibrateCommand } from './commands/calibrate-command';
import { convertCommand } from './commands/convert-command';
import { datasetCommand } from './commands/dataset-command';
import { exportCommand } from './commands/export-command';
import { importCommand } from './commands/import-command';
import { instrumentsCommand } from './commands/instruments-command';
import { logCommand } from './commands/log-command';
import { profileCommand } from './commands/profile-command';
import { reportCommand } from './commands/report-command';
import { restoreCommand } from './commands/restore-command';
import { resultsCommand } from './commands/results-command';
import { scanCommand } from './commands/scan-command';
import { setCommand } from './commands/set-command';
import { showCommand } from './commands/show-command';
import { submissionCommand } from './commands/submission-command';
import { validateCommand } from './commands/validate-command';
import { commandHelp, generalHelp } from './help';

/** Every command, in the order the help lists them. */
const COMMANDS: readonly Command[] = [
  scanCommand,
  showCommand,
  setCommand,
  validateCommand,
  exportCommand,
  datasetCommand,
  submissionCommand,
  importCommand,
  logCommand,
  restoreCommand,
  reportCommand,
  profileCommand,
  instrumentsCommand,
  resultsCommand,
  convertCommand,
  calibrateCommand,
];

/** Runs one command line (the words after `acqmeta`); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err('acqmeta: missing command (see acqmeta --help)');
    return EXIT.usage;
  }
  const helpTopic = name === 'help' ? rest[0] : undefined;
  const command = COMMANDS.find((c) => c.name === (helpTopic ?? name));
  if (name === '--help' || name === '-h' || (name === 'help' && helpTopic === undefined)) {
    return printHelp(io, generalHelp(COMMANDS));
  }
  if (command === undefined) {
    io.err(`acqmeta: unknown command "${helpTopic ?? name}" (see acqmeta --help)`);
    return EXIT.usage;
  }
  if (helpTopic !== undefined || rest.includes('--help') || rest.includes('-h'))
    return printHelp(io, commandHelp(command));
  try {
    const code = await command.run(parseArgs(rest, command.syntax), io);
    await io.out.flush();
    return code;
  } catch (error) {
    await io.out.flush();
    if (error instanceof UsageError) {
      io.err(`acqmeta ${name}: ${error.message} (see acqmeta ${name} --help)`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      const hint = error.exitCode === EXIT.usage ? ` (see acqmeta ${name} --help)` : '';
      io.err(`acqmeta ${name}: ${error.message}${hint}`);
      return error.exitCode;
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    io.err(`acqmeta ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return typeof code === 'string' ? EXIT.conflict : EXIT.problems;
  }
}

async function printHelp(io: CliIo, text: string): Promise<number> {
  await io.out.line(text.trimEnd());
  await io.out.flush();
  return EXIT.ok;
}
