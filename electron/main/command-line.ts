/**
 * The app's own command-line options: `--open <folder>` opens a folder at start-up, and
 * `--user-data <dir>` keeps settings (recent folders, window state, the sample copy) in another
 * folder than the user's, as tests running several windows side by side need.
 */

/** The value of `--name <value>` or `--name=<value>`, or null when absent or empty. */
function optionValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === name) return argv[i + 1] || null;
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1) || null;
  }
  return null;
}

/** The folder given with `--open <folder>` or `--open=<folder>`, or null. */
export function folderToOpen(argv: readonly string[]): string | null {
  return optionValue(argv, '--open');
}

/** The settings folder given with `--user-data <dir>` or `--user-data=<dir>`, or null. */
export function userDataDir(argv: readonly string[]): string | null {
  return optionValue(argv, '--user-data');
}
