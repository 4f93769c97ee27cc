/**
 * File names Windows keeps for its devices. `con.json` on a share opened from Windows is not a
 * file but the console: a write there is lost and a read never ends. A file AcqMeta names on a
 * share (a microscope description) avoids them.
 */

/** CON, PRN, AUX, NUL, COM1–9 and LPT1–9 (and the superscript digits Windows also counts), in any case, before any extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;

/** Whether `name` (a file name, no folder) is a Windows device name: `con.json`, `Aux`, `lpt1.tar.gz`, `nul .json`. */
export function isWindowsDeviceName(name: string): boolean {
  // Windows drops trailing dots and spaces, and spaces before the extension: `con .json` is `con`
  return RESERVED.test(name.replace(/[. ]+$/, '').replace(/ +\./, '.'));
}

/** Why `name` (a file name, no folder) cannot name a file AcqMeta writes on a share, or null when it can. */
export function deviceNameProblem(name: string): string | null {
  if (!isWindowsDeviceName(name)) return null;
  return `"${name}" is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension), so Windows cannot open it as a file; choose another name`;
}
