/**
 * Accessibility: axe-core's WCAG 2.1 A/AA rules over the main screens in both themes — the
 * table, the editor of one image, the editor of many, and the dialogs. Serious and critical
 * findings fail the test, each listed with the elements concerned.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { calibrationImageFiles, IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE } from './support/calibration-images';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';

/** Serious and critical axe findings on the page as it is now, one line per rule and element. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`,
      ),
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    test.use({ extraFiles: calibrationImageFiles() });
    test.beforeEach(async ({ app }) => {
      await app.page.emulateMedia({ colorScheme: scheme });
    });

    test('the table, with rows selected, has no serious accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      expect(await seriousFindings(app.page)).toEqual([]);
      // Selected rows of every sidecar state: None, Saved, Invalid, Unsaved.
      await editor.select(IMAGEJ);
      await editor.type('Species', 'rat');
      await editor.grid.focus();
      await app.page.keyboard.press('ControlOrMeta+a');
      await expect(editor.panel().getByRole('heading', { name: /^Editing/ })).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      // Filtered, with the syntax help open and the quick filters on.
      await editor.filter.fill('genotpye:x');
      await editor.quickFilter('Warnings').click();
      await app.page.getByRole('button', { name: 'Filter syntax' }).click();
      await expect(app.page.getByRole('dialog', { name: 'Filter syntax' })).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
    });

    test('the calibration offers have no serious accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      for (const image of [IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE]) {
        await editor.select(image);
        await expect(
          editor
            .panel()
            .getByRole('region', { name: 'Calibration' })
            .locator('.calibration-head', { hasText: /^Pixel size$/ }),
        ).toBeVisible();
        expect(await seriousFindings(app.page)).toEqual([]);
      }
      await editor.row(IMAGEJ_IMAGE).click({ modifiers: ['ControlOrMeta'] });
      await expect(editor.panel().getByRole('button', { name: /\(1 image\)$/ })).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
    });

    test('the editor of one image, with an invalid value, has no serious accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      await editor.select(OME);
      await expect(editor.preview()).toBeVisible();
      await editor.panel().getByText('All tags').click();
      await editor.panel().getByText('Image description').click();
      await editor.type('Depth', 'abc');
      await expect(editor.field('Depth')).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousFindings(app.page)).toEqual([]);
    });

    test('the editor of many images has no serious accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      await editor.select(OME);
      await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
      await expect(editor.panel().getByRole('heading', { name: 'Editing 2 images' })).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
    });

    test('the dialogs have no serious accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      const dialog = app.page.getByRole('dialog');

      await app.page.getByRole('button', { name: 'Open folder…' }).click();
      await expect(dialog.getByRole('button', { name: 'cells' })).toBeVisible();
      await dialog.getByLabel('Folder path').fill('relative');
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(dialog).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();

      await app.page.getByRole('button', { name: 'Spreadsheet' }).click();
      await app.page.getByRole('menuitem', { name: 'Submission files (HuBMAP, HTAN)…' }).click();
      await expect(dialog.getByRole('table', { name: 'confocal-metadata.tsv' })).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();

      await app.page.getByRole('button', { name: 'Spreadsheet' }).click();
      await app.page.getByRole('menuitem', { name: 'Export as OME-TIFF…' }).click();
      await expect(dialog.getByLabel('Output folder')).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await app.page.getByRole('button', { name: 'Spreadsheet' }).click();
      await app.page.getByRole('menuitem', { name: 'Export as CloudScope collection…' }).click();
      await dialog.getByLabel('Collection', { exact: true }).fill('not-a-collection');
      await expect(dialog.getByText('The name must end in .ome.zarr')).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await editor.select(BLOBS);
      await editor.type('Genotype', 'WT');
      const sidecar = app.file(`${BLOBS}.json`);
      writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"species": "rat"', '"species": "mouse"'));
      await editor.save();
      await expect(dialog).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();

      // Opening another folder with unsaved changes asks first.
      await app.page.getByRole('button', { name: 'Open folder…' }).click();
      await dialog.getByRole('button', { name: 'stacks' }).click();
      // its listing replaces the served folder's, and the dialog shrinks: Open moves once it is in
      await expect(dialog.getByRole('region', { name: 'Folders in stacks' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(dialog.getByRole('heading', { name: 'Unsaved changes' })).toBeVisible();
      expect(await seriousFindings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });
  });
}
