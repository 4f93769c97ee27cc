/**
 * Colours by the names programs give them: a LIF channel's `LUTName` (`Green`), CloudScope's
 * single-colour lookup tables (`Greens`, `magenta`). Lookup tables of several colours (`Fire`,
 * `viridis`) are no one colour and have none.
 */

/** `RRGGBB` by name in lower case, a plural (matplotlib's `Greens`) included. */
const NAMED_COLORS: Readonly<Record<string, string>> = {
  red: 'FF0000',
  reds: 'FF0000',
  green: '00FF00',
  greens: '00FF00',
  blue: '0000FF',
  blues: '0000FF',
  magenta: 'FF00FF',
  cyan: '00FFFF',
  yellow: 'FFFF00',
  gray: 'FFFFFF',
  grey: 'FFFFFF',
  grays: 'FFFFFF',
  greys: 'FFFFFF',
};

/** The colour `name` names, as `RRGGBB`, whatever its case; undefined for any other name. */
export function namedColor(name: string | undefined): string | undefined {
  return name === undefined ? undefined : NAMED_COLORS[name.trim().toLowerCase()];
}
