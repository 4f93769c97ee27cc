/**
 * Opening another folder in browser mode: the dialog explains a folder it cannot open under the
 * path and stays open, offers the served folder's subfolders, and remembers recent folders in
 * the server’s settings; the list keeps one height, so the buttons below it stay put.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

test('a folder that cannot be opened is explained under the path, and the dialog stays open', async ({ app }) => {
  await app.page.getByRole('button', { name: 'Open folder…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Open folder' });
  const input = dialog.getByLabel('Folder path');
  const cases = [
    [path.join(app.folder, 'missing'), `${path.join(app.folder, 'missing')} does not exist.`],
    ['cells', '"cells" is not an absolute folder path.'],
    [path.dirname(app.folder), `${path.dirname(app.folder)} is outside the folders this server may open.`],
  ] as const;
  for (const [typed, message] of cases) {
    await input.fill(typed);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(input).toHaveAccessibleDescription(message);
    await expect(dialog).toBeVisible();
    await expect(input).toHaveValue(typed);
  }
  await expect(app.page.locator('.notices').getByRole('alert')).toHaveCount(0);
});

test('subfolders of the served folder can be picked, and recent folders are offered and kept by the server', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await app.page.getByRole('button', { name: 'Open folder…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Open folder' });
  const folders = dialog.getByRole('region', { name: /^Folders in/ });
  await expect(folders.getByRole('button', { name: 'cells' })).toBeVisible();
  await expect(folders.getByRole('button', { name: 'Up one level' })).toBeDisabled();
  await folders.getByRole('button', { name: 'stacks' }).click();
  await expect(dialog.getByLabel('Folder path')).toHaveValue(path.join(app.folder, 'stacks'));
  await expect(folders.getByRole('button', { name: 'Up one level' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.bodyRows()).toHaveCount(2);
  await expect(app.page.locator('.toolbar-folder')).toHaveText('stacks');

  await app.page.getByRole('button', { name: 'Open folder…' }).click();
  const recent = dialog.getByRole('region', { name: 'Recent folders' });
  await expect(recent.getByRole('button', { name: /^stacks/ })).toBeVisible();
  const stored = JSON.parse(readFileSync(path.join(app.configDir, 'recent-folders.json'), 'utf8')) as string[];
  expect(stored[0]).toBe(path.join(app.folder, 'stacks'));
  await recent.getByRole('button', { name: new RegExp(`^${path.basename(app.folder)}`) }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.bodyRows()).toHaveCount(9);
});

test('the dialog’s buttons stay put whether the folder lists many subfolders or none', async ({ app }) => {
  await app.page.getByRole('button', { name: 'Open folder…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Open folder' });
  const openButton = dialog.getByRole('button', { name: 'Open', exact: true });
  const folders = dialog.getByRole('region', { name: /^Folders in/ });
  await expect(folders.getByRole('button', { name: 'stacks' })).toBeVisible();
  // the text above names the served folder once the server said which it is
  await expect(dialog.locator('#folder-path-text')).toContainText(path.basename(app.folder));
  const withFolders = await openButton.boundingBox();

  await dialog.getByLabel('Folder path').fill(path.join(app.folder, 'cells'));
  await expect(dialog.getByRole('region', { name: 'Folders in cells' })).toContainText('No folders inside.');
  expect(await openButton.boundingBox()).toEqual(withFolders);
});
