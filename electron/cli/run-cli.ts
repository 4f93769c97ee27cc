/**
 * Dispatches `acqmeta <command> ...` and turns failures into messages and exit codes.
 */
import { version } from '../../package.json';
import { parseArgs } from './args';
import { indexMayBeInUse, indexUrl } from '../services/index';
import { takeWritten } from '../services/save';
import { EXIT, type CliError, type CliIo, type Command } from './cli-io';
import { COMMANDS } from './command-list';
import { commandHelp, generalHelp } from './help';

/** Runs one command line (the words after `acqmeta`); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err('acqmeta: missing command (see acqmeta --help)');
    return EXIT.usage;
  }
  const helpTopic = name === 'help' ? rest[0] : undefined;
  const entry = COMMANDS.find((c) => c.name === (helpTopic ?? name));
  if (name === '--help' || name === '-h' || (name === 'help' && helpTopic === undefined)) {
    return printHelp(io, generalHelp(COMMANDS));
  }
  if (name === '--version') return printHelp(io, `acqmeta ${version}`);
  if (entry === undefined) {
    io.err(`acqmeta: unknown command "${helpTopic ?? name}" (see acqmeta --help)`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (helpTopic !== undefined || rest.includes('--help') || rest.includes('-h'))
    return printHelp(io, commandHelp(command));
  try {
    return await runCommand(name, command, rest, io);
  } finally {
    await indexWrites(name, io);
  }
}

/** Runs `command` (named `name`) with the words `rest`; failures as messages and exit codes. */
async function runCommand(name: string, command: Command, rest: readonly string[], io: CliIo): Promise<number> {
  try {
    const code = await command.run(parseArgs(rest, command.syntax), io);
    await io.out.flush();
    return code;
  } catch (error) {
    await io.out.flush();
    // by name, not class: each command's bundle has its own copy of UsageError and CliError
    const kind = error instanceof Error ? error.name : '';
    if (kind === 'UsageError') {
      io.err(`acqmeta ${name}: ${(error as Error).message} (see acqmeta ${name} --help)`);
      return EXIT.usage;
    }
    if (kind === 'CliError') {
      const { exitCode, message } = error as CliError;
      const hint = exitCode === EXIT.usage ? ` (see acqmeta ${name} --help)` : '';
      io.err(`acqmeta ${name}: ${message}${hint}`);
      return exitCode;
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    io.err(`acqmeta ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return typeof code === 'string' ? EXIT.conflict : EXIT.problems;
  }
}

/**
 * The rows of the images the command wrote, rebuilt in the index in use; with none written, or
 * no index in use, nothing is opened (the rebuilding lives in the index command's bundle).
 */
async function indexWrites(name: string, io: CliIo): Promise<void> {
  const written = takeWritten();
  if (written.length === 0) return;
  const url = indexUrl(undefined);
  if (!indexMayBeInUse(url, io.cwd)) return;
  const { updateIndexRows } = await import('./commands/index-command');
  await updateIndexRows(written, url, io, name);
}

async function printHelp(io: CliIo, text: string): Promise<number> {
  await io.out.line(text.trimEnd());
  await io.out.flush();
  return EXIT.ok;
}
