/**
 * A small command-line parser: positionals, boolean flags and options with values.
 */

/** What a command accepts. */
export interface CommandSyntax {
  /** Fewest and most positional arguments. */
  positionals: { min: number; max: number };
  /** Boolean flags such as `--json`. */
  flags?: readonly string[];
  /** Options that take a value (`--set x=1`, `--set=x=1`, `-o file`), by name; all repeatable. */
  options?: readonly string[];
}

/** The parsed command line of one command. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  /** Every value of every option given, in order. */
  options: Map<string, string[]>;
}

/** Bad usage: the message is one line for stderr; exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `argv` (the words after the command name) against `syntax`; throws {@link UsageError}. */
export function parseArgs(argv: readonly string[], syntax: CommandSyntax): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (onlyPositionals || !word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq === -1 ? word : word.slice(0, eq);
    if (syntax.flags?.includes(name)) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      flags.add(name);
    } else if (syntax.options?.includes(name)) {
      let value: string | undefined;
      if (eq !== -1) value = word.slice(eq + 1);
      else value = argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  const { min, max } = syntax.positionals;
  if (positionals.length < min) throw new UsageError(min === 1 ? 'missing argument' : 'missing arguments');
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
  return { positionals, flags, options };
}

/** The last value given for an option, or undefined. */
export function lastOption(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}
