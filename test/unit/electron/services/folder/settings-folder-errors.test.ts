/**
 * A settings folder that cannot be written: what would be kept there (the change journal of a
 * folder that cannot be written, a preset) fails with an error that names the settings folder
 * and says why in words, instead of the system's `EACCES … mkdir '…'`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalPlaces } from '../../../../../electron/services/journal';
import { createPresetFolder } from '../../../../../electron/services/presets/preset-folder';
import { makeUnwritable } from '../journal/unwritable-folder';

const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0)) step();
});

/** A fresh folder whose subfolder `name` nothing can be written in. */
function unwritableFolder(base: string, name: string): string {
  const dir = path.join(base, name);
  mkdirSync(dir);
  const locked = makeUnwritable(dir);
  if (locked === null) throw new Error('cannot make a folder unwritable here (neither chmod nor chattr +i works)');
  undo.unshift(locked.undo);
  return dir;
}

/** A temp folder holding an unwritable settings folder `settings`. */
function withUnwritableSettings(): { base: string; settings: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'acqmeta-settings-'));
  undo.push(() => rmSync(base, { recursive: true, force: true }));
  return { base, settings: unwritableFolder(base, 'settings') };
}

/** How the test's system words a refused write: root meets `chattr +i` (EPERM), others `chmod` (EACCES); both read the same. */
const REFUSED = 'permission denied';

describe('a settings folder that cannot be written', () => {
  it('is named, with the reason, when a folder that cannot be written needs its journal kept there', async () => {
    const { base, settings } = withUnwritableSettings();
    const exp = unwritableFolder(base, 'exp');
    const places = journalPlaces({ roots: [exp], configDir: settings });
    await expect(places.placeFor(path.join(exp, 'a.tif'))).rejects.toThrow(
      `The change journal of ${exp} (which cannot be written) cannot be kept in the settings folder ${settings}: ${REFUSED}`,
    );
  });

  it('is named, with the reason, when a preset is saved', async () => {
    const { settings } = withUnwritableSettings();
    await expect(createPresetFolder(settings).save({ name: 'Mouse', fields: {} }, false)).rejects.toMatchObject({
      code: 'IO',
      message: `The preset “Mouse” cannot be kept in the settings folder ${settings}: ${REFUSED}`,
    });
  });
});
