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
