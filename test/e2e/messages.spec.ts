/**
 * Messages: an error stays only while its cause does, each can be dismissed from the keyboard,
 * and confirmations fade by themselves.
 */
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

test('the invalid-value message goes away once the value is fixed, and the save confirmation fades', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.type('Depth', 'abc');
  await editor.save();
  const alert = app.page.getByRole('alert').filter({ hasText: 'Fix 1 invalid value to save.' });
  await expect(alert).toBeVisible();
  await editor.save();
  await expect(app.page.getByRole('alert')).toHaveCount(1);

  await editor.type('Depth', '12');
  await expect(alert).toBeHidden();
  await editor.save();
  const confirmation = app.page.getByRole('status').filter({ hasText: 'Saved 1 file.' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toBeHidden();
});

test('a message is dismissed from the keyboard', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.type('Depth', 'abc');
  await editor.save();
  const alert = app.page.getByRole('alert').filter({ hasText: 'Fix 1 invalid value to save.' });
  await alert.getByRole('button', { name: /dismiss/i }).focus();
  await app.page.keyboard.press('Enter');
  await expect(alert).toBeHidden();
  await editor.save();
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: /dismiss/i }).focus();
  await app.page.keyboard.press('Escape');
  await expect(alert).toBeHidden();
  await expect(editor.field('Depth')).toHaveValue('abc');
});
