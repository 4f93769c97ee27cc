/**
 * The lab's instrument catalogue edited in the app: a real facility's Micro-Meta App file
 * (test/fixtures/instruments/abif_axiovert1_.json) in the folder's `acqmeta.instruments/`,
 * opened from the Spreadsheet menu, its placeholder and its wrong NA flagged on their cells, one
 * objective's NA corrected and saved — the file's bytes change in that value only — and Undo
 * writing the original bytes back. Screenshots of the dialog (test-results/screens/
 * instrument-catalogue-{light,dark}.png) and an axe scan of it in both themes.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { dialogFindings } from './support/axe-themes';
import { EditorPage } from './support/editor-page';

const FILE = 'acqmeta.instruments/abif-axiovert1.json';
const ORIGINAL = readFileSync(new URL('../fixtures/instruments/abif_axiovert1_.json', import.meta.url), 'utf8');
const IMAGE = 'cells/multi-channel.ome.tif';
const OBJECTIVE = '100X PLAN APOCHROMAT, NA=1.40, OIL, DIC';

test.use({ extraFiles: { [FILE]: ORIGINAL } });

/** Opens "Instrument catalogue…" from the Spreadsheet menu with `IMAGE` selected; returns the dialog. */
async function openCatalogue(page: Page) {
  await new EditorPage(page).select(IMAGE);
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page
    .getByRole('menu', { name: 'Spreadsheet' })
    .getByRole('menuitem', { name: 'Instrument catalogue…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Instrument catalogue' });
  await expect(dialog.getByRole('tab', { name: 'ABIF Axiovert1' })).toHaveAttribute('aria-selected', 'true');
  return dialog;
}

test('an objective’s NA corrected, saved in place, and undone', async ({ app }) => {
  const page = app.page;
  // two axe scans and two screenshots besides the edit: the bound only catches a hang
  test.slow();
  await page.setViewportSize({ width: 1600, height: 1000 });
  const dialog = await openCatalogue(page);
  await expect(dialog).toContainText('The catalogue in force for cells: acqmeta.instruments/, 1 microscope described.');

  // the stand's "999" and the objective whose name says another NA are flagged where they are
  const catalogNumber = dialog.getByLabel('Stand Catalog number');
  await expect(catalogNumber).toHaveValue('999');
  await expect(catalogNumber).toHaveAttribute('aria-invalid', 'true');
  await expect(catalogNumber).toHaveAccessibleDescription(/"999" looks like a placeholder/);
  const na = dialog.getByLabel(`Lens NA, ${OBJECTIVE}`);
  await expect(na).toHaveValue('1.3');
  await expect(na).toHaveAccessibleDescription(/is 1\.3, but the name .* says NA 1\.4/);
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toHaveAccessibleDescription('Nothing changed.');
  // as opened: the placeholders and the objective whose NA its name contradicts flagged
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await dialogFindings(page, 'serious')).toEqual([]);
    await page.screenshot({ path: `test-results/screens/instrument-catalogue-${scheme}.png` });
  }

  // checked as typed: a value out of range is a warning, which never holds the save back; a non-number does
  await na.fill('14');
  await expect(na).toHaveAccessibleDescription(/14 is not a numerical aperture/);
  await expect(save).toBeEnabled();
  await na.fill('1,4x');
  await expect(na).toHaveAccessibleDescription(/not a number/);
  await expect(save).toHaveAccessibleDescription('Fix the value that is not a number to save.');
  await na.fill('1.4');
  await expect(na).not.toHaveAttribute('aria-invalid');
  await expect(dialog.getByRole('tab', { name: 'ABIF Axiovert1 •' })).toBeVisible();

  await save.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Saved ${FILE}.`)).toBeVisible();
  const saved = readFileSync(app.file(FILE), 'utf8');
  const at = ORIGINAL.indexOf('"LensNA":1.3,');
  expect(ORIGINAL.indexOf('"LensNA":1.3,', at + 1)).toBe(-1);
  expect(saved).toBe(`${ORIGINAL.slice(0, at)}"LensNA":1.4,${ORIGINAL.slice(at + '"LensNA":1.3,'.length)}`);

  await new EditorPage(page).grid.focus();
  const undo = page.getByRole('button', { name: 'Undo Instrument description abif-axiovert1.json' });
  await expect(undo).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('button', { name: 'Redo Instrument description abif-axiovert1.json' })).toBeEnabled();
  expect(readFileSync(app.file(FILE), 'utf8')).toBe(ORIGINAL);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(undo).toBeEnabled();
  expect(readFileSync(app.file(FILE), 'utf8')).toBe(saved);
});

test('with no image selected, an image of the folder is chosen to draft from', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1600, height: 1000 });
  await expect(page.getByRole('row', { name: new RegExp(IMAGE.split('/').pop()!) }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page
    .getByRole('menu', { name: 'Spreadsheet' })
    .getByRole('menuitem', { name: 'Instrument catalogue…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Instrument catalogue' });
  await expect(dialog).toContainText('The catalogue in force for the open folder: acqmeta.instruments/');
  const chooser = dialog.getByLabel('Add from the header of');
  await expect(chooser.getByRole('option')).toContainText(['an image…', IMAGE]);
  await page.screenshot({ path: 'test-results/screens/instrument-catalogue-draft-chooser.png' });
  await chooser.selectOption(IMAGE);
  await dialog.getByRole('button', { name: 'Add from this image’s header' }).click();
  // the folder's images record no hardware: the header read says so
  const offer = dialog.getByRole('group', { name: `The header of ${IMAGE} records` });
  await expect(offer).toContainText('no hardware to describe.');
});
