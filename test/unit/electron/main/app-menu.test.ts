import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../../shared/api';
import { buildMenuTemplate, type MenuOptions } from '../../../../electron/main/app-menu';

function build(options: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate(
    { platform: 'linux', isDev: false, recent: [], hasSample: true, undoState: { undo: null, redo: null }, ...options },
    { send: (c) => sent.push(c), openRecent: (f) => opened.push(f), openSample: () => opened.push('<sample>') },
  );
  return { template, sent, opened };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.label === label);
  if (found === undefined) throw new Error(`no menu item ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('sends the UI commands with the usual shortcuts', () => {
    const { template, sent } = build();
    const shortcuts = ['Open Folder…', 'Save', 'Find…', 'Keyboard Shortcuts'].map(
      (label) => byLabel(template, label).accelerator,
    );
    expect(shortcuts).toEqual(['CmdOrCtrl+O', 'CmdOrCtrl+S', 'CmdOrCtrl+F', 'CmdOrCtrl+/']);
    for (const label of ['Open Folder…', 'Save', 'Find…', 'Revert Field', 'Toggle Theme', 'Keyboard Shortcuts'])
      click(byLabel(template, label));
    expect(sent).toEqual(['open-folder', 'save', 'find', 'revert-field', 'toggle-theme', 'show-shortcuts']);
  });

  it('has the standard editing roles', () => {
    const roles = items(build().template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('names what Undo and Redo would do and leaves their keys to the window', () => {
    const { template, sent } = build({ undoState: { undo: 'Undo Genotype on 40 images', redo: null } });
    const undo = byLabel(template, 'Undo Genotype on 40 images');
    const redo = byLabel(template, 'Redo');
    expect([undo.accelerator, redo.accelerator]).toEqual(['CmdOrCtrl+Z', 'Shift+CmdOrCtrl+Z']);
    expect([undo.registerAccelerator, redo.registerAccelerator]).toEqual([false, false]);
    click(undo);
    click(redo);
    expect(sent).toEqual(['undo', 'redo']);
  });

  it('lists recent folders, newest first, and opens the one clicked', () => {
    const { template, opened } = build({ recent: ['/data/b', '/data/a'] });
    const recent = byLabel(template, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => item.label)).toEqual(['/data/b', '/data/a']);
    click(byLabel(template, '/data/a'));
    click(byLabel(template, 'Open Sample Folder'));
    expect(opened).toEqual(['/data/a', '<sample>']);
  });

  it('shows a disabled placeholder when there are no recent folders', () => {
    const recent = byLabel(build().template, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No Recent Folders', enabled: false }]);
  });

  it('offers reload and developer tools only in development', () => {
    const devRoles = (isDev: boolean) =>
      items(build({ isDev }).template)
        .map((item) => item.role)
        .filter((role) => role === 'reload' || role === 'forceReload' || role === 'toggleDevTools');
    expect(devRoles(false)).toEqual([]);
    expect(devRoles(true)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('follows macOS conventions on macOS', () => {
    const roles = items(build({ platform: 'darwin' }).template).map((item) => item.role);
    expect(roles[0]).toBe('appMenu');
    expect(roles).toContain('close');
    expect(roles).not.toContain('quit');
  });
});
