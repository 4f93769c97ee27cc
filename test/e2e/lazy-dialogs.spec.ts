/**
 * The first screen fetches only the shell, the table and the editor: no capability's dialog is
 * in the JavaScript the page has fetched once the folder is listed. A dialog's code is fetched
 * when it is first opened, and the dialog then shows as before (the OME-TIFF export, from the
 * Spreadsheet menu). That JavaScript comes in a few files, the page's first script needing no
 * other (see renderer/vite.config.ts): the session it asks for does not wait behind the app's.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

/** Words only these dialogs draw (convert, results, calibrate, layout check). */
const DIALOG_WORDS = [
  'Closing this dialog leaves the conversion running',
  'These images have no analysis results',
  'Cancel stops between two files: each file is written whole',
  'The folder’s layout matches',
];

/** The scripts the page has fetched, by URL. */
function scriptsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.endsWith('.js')),
  );
}

/** The text of each of `urls`, fetched again by the page. */
function scriptTexts(page: Page, urls: readonly string[]): Promise<string[]> {
  return page.evaluate((all) => Promise.all(all.map(async (url) => (await fetch(url)).text())), [...urls]);
}

test('the first screen comes in three script files, its first script needing no other', async ({ app }) => {
  const { page } = app;
  expect(await scriptsFetched(page)).toHaveLength(3);
  const early = await page.locator('script[type="module"]').first().getAttribute('src');
  expect(early).toMatch(/early-start/);
  const [text] = await scriptTexts(page, [early!]);
  expect(text).not.toMatch(/\bimport\b/);
});

test('the first screen fetches no dialog; the OME-TIFF export fetches its own when opened', async ({ app }) => {
  const { page } = app;
  const first = await scriptsFetched(page);
  expect(first.length).toBeGreaterThan(0);
  const texts = await scriptTexts(page, first);
  expect(DIALOG_WORDS.filter((words) => texts.some((text) => text.includes(words)))).toEqual([]);

  await new EditorPage(page).select('cells/multi-channel.ome.tif');
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menuitem', { name: 'Export as OME-TIFF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as OME-TIFF' });
  await expect(dialog).toContainText('The 1 selected image');
  const later = (await scriptsFetched(page)).filter((url) => !first.includes(url));
  expect(later.length).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
