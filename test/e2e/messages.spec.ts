/**
 * Messages: an error stays only while its cause does, a repeated one replaces the first, each
 * can be dismissed from the keyboard, and confirmations fade by themselves.
 */
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const OME = 'cells/multi-channel.ome.tif';

test('a message goes away once its cause is resolved, a repeat does not stack, and the confirmation fades', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.row(OME).click({ modifiers: ['ControlOrMeta'] });
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+c');
  const alert = app.page.getByRole('alert').filter({ hasText: 'Select one image to copy its metadata.' });
  await expect(alert).toBeVisible();
  await app.page.keyboard.press('ControlOrMeta+Shift+c');
  await expect(app.page.locator('.notices').getByRole('alert')).toHaveCount(1);

  await editor.select(BLOBS);
  await expect(alert).toBeHidden();
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+c');
  const confirmation = app.page
    .getByRole('status')
    .filter({ hasText: 'Copied the metadata of _blobs_3d_fiji_skeleton.tif.' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toBeHidden();
});

test('a message is dismissed from the keyboard', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+c');
  const alert = app.page.getByRole('alert').filter({ hasText: 'Select one image to copy its metadata.' });
  await alert.getByRole('button', { name: /dismiss/i }).focus();
  await app.page.keyboard.press('Enter');
  await expect(alert).toBeHidden();
  await editor.grid.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+c');
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: /dismiss/i }).focus();
  await app.page.keyboard.press('Escape');
  await expect(alert).toBeHidden();
});
