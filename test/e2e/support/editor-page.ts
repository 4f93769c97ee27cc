/** Locators and actions of the editor screen, by what a person sees (roles and labels). */
import { expect, type Locator, type Page } from '@playwright/test';

/** The main screen: toolbar, image table and editor panel. */
export class EditorPage {
  readonly grid: Locator;
  readonly filter: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid');
    this.filter = page.getByRole('searchbox', { name: /filter/i });
    this.saveButton = page.getByRole('button', { name: /^Save/ });
  }

  /** The table row whose first cell is this relative path. */
  row(relativePath: string): Locator {
    return this.grid
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell', { name: relativePath, exact: true }) });
  }

  /** All body rows (not the header row), in display order. */
  bodyRows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** Relative paths of the rows shown, in order. */
  async shownPaths(): Promise<string[]> {
    // Runs in the page; typed structurally because the Node-side project has no DOM types.
    type Row = { querySelector(selector: string): { textContent: string | null } | null };
    return this.bodyRows().evaluateAll((rows) =>
      (rows as unknown as Row[]).map(
        (row) => row.querySelector('[role="gridcell"] .path-full')?.textContent?.trim() ?? '',
      ),
    );
  }

  /** Clicks a row to select it, and waits for the editor to show it. */
  async select(relativePath: string): Promise<void> {
    await this.row(relativePath).click();
    await expect(this.row(relativePath)).toHaveAttribute('aria-selected', 'true');
  }

  /** Unfolds the editor panel's History section (one image selected) and returns it. */
  async history(): Promise<Locator> {
    const toggle = this.panel().getByRole('button', { name: /^History/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.panel().getByRole('region', { name: 'History' });
  }

  /** The editor input labelled with a field's display name. */
  field(displayName: string): Locator {
    return this.page.getByLabel(displayName, { exact: true });
  }

  /** Replaces a field's text as a user types it. */
  async type(displayName: string, text: string): Promise<void> {
    const input = this.field(displayName);
    await input.fill('');
    await input.pressSequentially(text);
  }

  /** Saves with the keyboard shortcut (Ctrl+S, or Cmd+S on macOS). */
  async save(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
  }

  /** The review shown before several files are written. */
  review(): Locator {
    return this.page.getByRole('dialog', { name: /^Save \d+ files?\?$|^Nothing can be saved yet$/ });
  }

  /** Saves several files: Ctrl+S, then "Save N files" in the review, which must say N; waits until all are saved. */
  async saveReviewed(files: number): Promise<void> {
    await this.save();
    await expect(this.review()).toHaveAccessibleName(`Save ${files} files?`);
    await this.review()
      .getByRole('button', { name: `Save ${files} files` })
      .click();
    await expect(this.review()).toBeHidden();
    await expect(this.page.getByText('All changes saved')).toBeVisible();
  }

  /** A quick-filter toggle of the toolbar ("No sidecar", "Invalid", "Unsaved"). */
  quickFilter(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Quick filters' })
      .getByRole('button', { name: new RegExp(`^${label}`) });
  }

  /** The editor panel on the right. */
  panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Editor' });
  }

  /** The preview canvas of the selected image. */
  preview(): Locator {
    return this.panel().getByRole('img', { name: /^Preview/ });
  }

  /** Shows every column from the Columns menu: Space on each box left unchecked, then Escape. */
  async showEveryColumn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Columns' }).click();
    // from the keyboard: a click's checks of where each box is drawn cost more than the table
    // takes to add its column
    const boxes = this.page.getByRole('checkbox');
    const checked = await boxes.evaluateAll((all) =>
      all.map((box) => (box as unknown as { checked: boolean }).checked),
    );
    for (const [i, on] of checked.entries()) if (!on) await boxes.nth(i).press('Space');
    await expect(this.page.getByRole('checkbox', { checked: false })).toHaveCount(0);
    await this.page.keyboard.press('Escape');
  }

  /** A short fingerprint of the pixels the preview shows, to tell two planes apart. */
  async previewPixels(): Promise<string> {
    // Runs in the page; typed structurally because the Node-side project has no DOM types.
    type Canvas = { toDataURL(): string };
    return this.preview().evaluate((canvas) => (canvas as unknown as Canvas).toDataURL());
  }
}
