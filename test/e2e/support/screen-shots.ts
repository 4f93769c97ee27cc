/**
 * Helpers of the specs that take screenshots: a locator's box on the page, and the editor
 * panel's sections folded out of the way.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './app';
import { EditorPage } from './editor-page';

/** The page's box of `locator`, which must be on screen. */
export async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not on screen`);
  return found;
}

/** Folds a section of the editor panel if it is open. */
export async function fold(page: Page, title: string) {
  const toggle = new EditorPage(page).panel().getByRole('button', { name: new RegExp(`^${title}`) });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
}

/** Widens the editor panel to its widest (760 px) from the keyboard. */
export async function widestPanel(page: Page) {
  const splitter = page.getByRole('separator', { name: 'Resize editor panel' });
  await splitter.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', '760');
}

/** Checks the value of each `[term, value]` of the key–value lines in `scope`. */
export async function expectLines(scope: Locator, lines: readonly [string, string][]) {
  for (const [term, value] of lines) {
    const line = scope.locator('.kv').filter({ has: scope.page().getByRole('term').getByText(term, { exact: true }) });
    await expect(line.getByRole('definition')).toHaveText(value);
  }
}
