/** The lab-profile fixture folder and the locators of the Completeness and Normalize views. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/e2e-folder');

/** Three line scans in `cohort/` whose sidecars say "Mouse" (the vascular profile wants "mouse"). */
export const COHORT = ['cohort/m1.tif', 'cohort/m2.tif', 'cohort/m3.tif'] as const;

/** What `cohort/` holds: each image a copy of a line scan, each sidecar its own with "Mouse". */
export function cohortFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  COHORT.forEach((name, i) => {
    const source = path.join(FIXTURE, `linescans/ls_0${i + 1}.tif`);
    files[name] = readFileSync(source);
    files[`${name}.json`] = readFileSync(`${source}.json`, 'utf8').replace('"species": "mouse"', '"species": "Mouse"');
  });
  return files;
}

/** The example lab profile of the repository, in force for the whole test folder. */
export function vascularProfile(): Record<string, string> {
  return { 'acqmeta.profile.json': readFileSync(path.join(ROOT, 'profiles/vascular-lab.profile.json'), 'utf8') };
}

/** The toolbar button, the Completeness view and the Normalize view. */
export class ProfilePage {
  readonly button: Locator;
  readonly completeness: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: /^Completeness/ });
    this.completeness = page.getByRole('dialog', { name: 'Completeness' });
  }

  /** Opens the Completeness view. */
  async openCompleteness(): Promise<Locator> {
    await this.button.click();
    await expect(this.completeness).toBeVisible();
    return this.completeness;
  }

  /** A field's line of the Completeness view (the button that filters the table to it). */
  fieldLine(displayName: string): Locator {
    return this.completeness.getByRole('button', { name: new RegExp(`^${displayName}( \\(required\\))?:`) });
  }

  /** Opens the Normalize view of a field from the Completeness view. */
  async openNormalize(displayName: string): Promise<Locator> {
    await this.fieldLine(displayName)
      .locator('xpath=..')
      .getByRole('button', { name: /^Normalize|values?…$/ })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Normalize ${displayName}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
