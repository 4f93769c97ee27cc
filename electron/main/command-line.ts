/**
 * The app's own command-line options: `--open <folder>` opens a folder at start-up.
 */

/** The folder given with `--open <folder>` or `--open=<folder>`, or null. */
export function folderToOpen(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--open') return argv[i + 1] ?? null;
    if (arg?.startsWith('--open=')) return arg.slice('--open='.length) || null;
  }
  return null;
}
