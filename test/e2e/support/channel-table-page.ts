/** The Channel table dialog as the specs open it. */
import { expect, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

/** Opens "Channel table…" from the Spreadsheet menu for the folder of `image`; returns the dialog. */
export async function openChannelTable(page: Page, image: string) {
  await new EditorPage(page).select(image);
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name: 'Channel table…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Channel table of raw' });
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeVisible();
  return dialog;
}
