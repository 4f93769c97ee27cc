/** Locators and actions of the bulk annotation tools: presets, fill from names, spreadsheets. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The Presets and Spreadsheet menus and the dialogs they open. */
export class BulkPage {
  constructor(readonly page: Page) {}

  /** A dialog by its accessible name. */
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens the panel's Presets menu and returns it. */
  async presetsMenu(): Promise<Locator> {
    await this.page.getByRole('group', { name: 'Metadata actions' }).getByRole('button', { name: 'Presets' }).click();
    return this.page.getByRole('menu', { name: 'Presets' });
  }

  /** Chooses an item of the Presets menu. */
  async presetsMenuItem(name: string): Promise<void> {
    await (await this.presetsMenu()).getByRole('menuitem', { name, exact: true }).click();
  }

  /** Opens the fill-from-names dialog for the selection. */
  async openNameFill(): Promise<Locator> {
    await this.page
      .getByRole('group', { name: 'Metadata actions' })
      .getByRole('button', { name: 'Fill from names…' })
      .click();
    return this.dialog('Fill from file names');
  }

  /** Chooses an item of the toolbar's Spreadsheet menu. */
  async spreadsheetMenuItem(name: 'Export…' | 'Import…'): Promise<void> {
    await this.page.getByRole('button', { name: 'Spreadsheet' }).click();
    await this.page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name }).click();
  }

  /**
   * Exports the folder (or the selection) in a format, with the acquisition columns when
   * `acquisition` is set; resolves with the downloaded file.
   */
  async exportTable(
    format: RegExp,
    scope: RegExp = /^All \d+ images/,
    button = 'Download',
    acquisition = false,
  ): Promise<{ name: string; bytes: Buffer }> {
    await this.spreadsheetMenuItem('Export…');
    const dialog = this.dialog('Export');
    await dialog.getByRole('radio', { name: scope }).check();
    await dialog.getByRole('radio', { name: format }).check();
    await dialog.getByRole('checkbox', { name: 'Acquisition columns (read from the files)' }).setChecked(acquisition);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByRole('button', { name: button, exact: true }).click(),
    ]);
    await expect(dialog).toBeHidden();
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** Imports a table file through the file chooser; resolves with the preview dialog. */
  async importTable(name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<Locator> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.spreadsheetMenuItem('Import…')]);
    await chooser.setFiles({ name, mimeType, buffer });
    const dialog = this.page.getByRole('dialog', {
      name: new RegExp(`${name.replace('.', '\\.')}|^Nothing to import$`),
    });
    await expect(dialog).toBeVisible();
    await expect(dialog).not.toHaveAccessibleName(/^Reading/);
    return dialog;
  }
}
