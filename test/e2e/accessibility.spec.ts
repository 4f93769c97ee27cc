/**
 * Accessibility: axe-core's WCAG 2.1 A/AA rules over the main screens in both themes — the
 * table, the editor of one image, the editor of many, and the dialogs. Any finding, of any
 * impact, fails the test, each listed with the elements concerned.
 *
 * Dialogs opened here: Open folder, Keyboard shortcuts, Filter syntax, Submission files,
 * Export as OME-TIFF, Export as CloudScope collection, a sidecar changed on disk, a sidecar
 * damaged on disk under edits, Unsaved changes, Results, the column chooser, History of the
 * folder, Channel table, Presets, Fill from file names, Export, Write calibration into image
 * files, Completeness and Normalize. The dataset values and the upload builder have theirs in
 * dataset.spec.ts and build-upload.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { calibrationImageFiles, IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE } from './support/calibration-images';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';
import { cohortFiles, ProfilePage, vascularProfile } from './support/profile-page';

const OME = 'cells/multi-channel.ome.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';

/** Every axe finding on the page as it is now, whatever its impact, one line per rule and element. */
async function findings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((v) =>
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

    test('the table, with rows selected, has no accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      expect(await findings(app.page)).toEqual([]);
      // Selected rows of every sidecar state: None, Saved, Invalid, Unsaved.
      await editor.select(IMAGEJ);
      await editor.type('Species', 'rat');
      await editor.grid.focus();
      await app.page.keyboard.press('ControlOrMeta+a');
      await expect(editor.panel().getByRole('heading', { name: /^Editing/ })).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      // Filtered, with the syntax help open and the quick filters on.
      await editor.filter.fill('genotpye:x');
      await editor.quickFilter('Warnings').click();
      await app.page.getByRole('button', { name: 'Filter syntax' }).click();
      await expect(app.page.getByRole('dialog', { name: 'Filter syntax' })).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
    });

    test('the calibration offers have no accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      for (const image of [IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE]) {
        await editor.select(image);
        await expect(
          editor
            .panel()
            .getByRole('region', { name: 'Calibration' })
            .locator('.calibration-head', { hasText: /^Pixel size$/ }),
        ).toBeVisible();
        expect(await findings(app.page)).toEqual([]);
      }
      await editor.row(IMAGEJ_IMAGE).click({ modifiers: ['ControlOrMeta'] });
      await expect(editor.panel().getByRole('button', { name: /\(1 image\)$/ })).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
    });

    test('the editor of one image, with an invalid value, has no accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      await editor.select(OME);
      await expect(editor.preview()).toBeVisible();
      await editor.panel().getByText('All tags').click();
      await editor.panel().getByText('Image description').click();
      await editor.type('Depth', 'abc');
      await expect(editor.field('Depth')).toHaveAttribute('aria-invalid', 'true');
      expect(await findings(app.page)).toEqual([]);
    });

    test('the editor of many images has no accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      await editor.select(OME);
      await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
      await expect(editor.panel().getByRole('heading', { name: 'Editing 2 images' })).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
    });

    test('the dialogs have no accessibility findings', async ({ app }) => {
      const editor = new EditorPage(app.page);
      const dialog = app.page.getByRole('dialog');

      await app.page.getByRole('button', { name: 'Open folder…' }).click();
      await expect(dialog.getByRole('button', { name: 'cells' })).toBeVisible();
      await dialog.getByLabel('Folder path').fill('relative');
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(dialog).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();

      await app.page.getByRole('button', { name: 'Spreadsheet' }).click();
      await app.page.getByRole('menuitem', { name: 'Submission files (HuBMAP, HTAN)…' }).click();
      await expect(dialog.getByRole('table', { name: 'confocal-metadata.tsv' })).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();

      await app.page.getByRole('button', { name: 'Spreadsheet' }).click();
      await app.page.getByRole('menuitem', { name: 'Export as OME-TIFF…' }).click();
      await expect(dialog.getByLabel('Output folder')).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await app.page.getByRole('button', { name: 'Spreadsheet' }).click();
      await app.page.getByRole('menuitem', { name: 'Export as CloudScope collection…' }).click();
      await dialog.getByLabel('Collection', { exact: true }).fill('not-a-collection');
      await expect(dialog.getByText('The name must end in .ome.zarr')).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await editor.select(BLOBS);
      await editor.type('Genotype', 'WT');
      const sidecar = app.file(`${BLOBS}.json`);
      writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"species": "rat"', '"species": "mouse"'));
      await editor.save();
      await expect(dialog).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();

      // Opening another folder with unsaved changes asks first.
      await app.page.getByRole('button', { name: 'Open folder…' }).click();
      await dialog.getByRole('button', { name: 'stacks' }).click();
      // its listing replaces the served folder's, and the dialog shrinks: Open moves once it is in
      await expect(dialog.getByRole('region', { name: 'Folders in stacks' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(dialog.getByRole('heading', { name: 'Unsaved changes' })).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });

    test('the dialogs of results, history, tables, presets and calibration have no accessibility findings', async ({
      app,
    }) => {
      const page = app.page;
      const editor = new EditorPage(page);
      const bulk = new BulkPage(page);
      /** Checks the page with `shown` open, then closes it with Escape. */
      const checkAndClose = async (shown: Locator) => {
        await expect(shown).toBeVisible();
        expect(await findings(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(shown).toBeHidden();
      };

      await editor.select('linescans/ls_01.tif');
      await editor.row('linescans/ls_03.tif').click({ modifiers: ['Shift'] });
      await page.getByRole('button', { name: 'Results…' }).click();
      const results = page.getByRole('dialog', { name: 'Results' });
      await results.getByLabel('Result').selectOption({ label: 'radon_velocity · velocity_mean' });
      await expect(results.getByRole('table', { name: /velocity_mean by genotype/ }).getByRole('row')).toHaveCount(3);
      await checkAndClose(results);

      await page.getByRole('button', { name: 'Columns' }).click();
      const resultColumns = page.getByRole('group', { name: 'Results' });
      await resultColumns.scrollIntoViewIfNeeded();
      await expect(resultColumns.getByRole('table').first()).toBeInViewport();
      await page.screenshot({ path: `test-results/screens/${scheme}-column-chooser-results.png` });
      await checkAndClose(resultColumns);

      await page.getByRole('button', { name: 'History of the folder…' }).click();
      await checkAndClose(page.getByRole('dialog', { name: 'History of the folder' }));

      await bulk.spreadsheetMenuItem('Export…');
      await checkAndClose(bulk.dialog('Export'));

      await (await bulk.presetsMenu()).getByRole('menuitem', { name: 'Manage presets…' }).click();
      await checkAndClose(bulk.dialog('Presets'));

      await checkAndClose(await bulk.openNameFill());

      await editor.select(IMAGEJ);
      await page.getByRole('button', { name: 'Spreadsheet' }).click();
      await page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name: 'Channel table…' }).click();
      await checkAndClose(page.getByRole('dialog', { name: /^Channel table of/ }));

      await editor.select(IMAGEJ_IMAGE);
      await page.getByRole('button', { name: 'Spreadsheet' }).click();
      await page.getByRole('menuitem', { name: 'Write calibration into image files…' }).click();
      const calibrate = page.getByRole('dialog', { name: 'Write calibration into image files' });
      await expect(calibrate.getByRole('status')).toContainText('header');
      await checkAndClose(calibrate);

      // A sidecar cut short under unsaved edits: saving asks what to do with it.
      await editor.select(BLOBS);
      await editor.type('Genotype', 'WT');
      const sidecar = app.file(`${BLOBS}.json`);
      const whole = readFileSync(sidecar, 'utf8');
      writeFileSync(sidecar, whole.slice(0, Math.floor(whole.length / 2)));
      await expect(editor.row(BLOBS)).toContainText('Changed on disk');
      await editor.save();
      const damaged = page.getByRole('dialog', { name: /is damaged on disk$/ });
      await expect(damaged.getByRole('row', { name: /Genotype/ })).toContainText('WT');
      await checkAndClose(damaged);
    });
  });

  test.describe(`with a lab profile, in the ${scheme} theme`, () => {
    test.use({ extraFiles: { ...vascularProfile(), ...cohortFiles() } });

    test('the Completeness and Normalize views have no accessibility findings', async ({ app }) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      const profile = new ProfilePage(app.page);
      await profile.openCompleteness();
      await expect(profile.fieldLine('Species')).toBeVisible();
      expect(await findings(app.page)).toEqual([]);
      const normalize = await profile.openNormalize('Species');
      await expect(normalize.getByRole('status')).toContainText('Mouse → mouse');
      expect(await findings(app.page)).toEqual([]);
    });
  });
}
