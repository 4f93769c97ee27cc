/**
 * Screenshots of the main screens, kept as test artifacts (test-results/screens/) so people
 * can look at what the app shows (browser mode only: one set is enough). The assertions check
 * the screen each one is meant to show.
 */
import { test, expect } from './support/app';
import { calibrationImageFiles, IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE } from './support/calibration-images';
import { EditorPage } from './support/editor-page';

const SHOTS = 'test-results/screens';

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens in the ${scheme} theme`, async ({ app }) => {
    const editor = new EditorPage(app.page);
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-table.png` });

    await editor.select('cells/multi-channel.ome.tif');
    await expect(app.page.locator('canvas').first()).toBeVisible();
    await expect(editor.field('Species')).toHaveValue('mouse');
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-editor.png` });

    await editor.type('Depth', 'abc');
    await expect(editor.field('Depth')).toHaveAttribute('aria-invalid', 'true');
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-invalid.png` });

    await editor.field('Depth').press('Escape');
    await editor.panel().getByText('All tags').click();
    await editor.panel().getByText('Image description').click();
    await expect(editor.panel().getByRole('row', { name: /^ImageWidth/ })).toBeVisible();
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-header.png` });

    await editor.grid.focus();
    await app.page.keyboard.press('ControlOrMeta+a');
    await expect(editor.panel().getByRole('heading', { name: 'Editing 6 images' })).toBeVisible();
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-multi.png` });
  });
}

test.describe('screens of the table tools, dialogs and calibration', () => {
  test.use({ extraFiles: calibrationImageFiles() });

  for (const scheme of ['light', 'dark'] as const) {
    test(`in the ${scheme} theme`, async ({ app }) => {
      const editor = new EditorPage(app.page);
      const dialog = app.page.getByRole('dialog');
      await app.page.emulateMedia({ colorScheme: scheme });

      await editor.filter.fill('depth:>50');
      await app.page.getByRole('button', { name: 'Filter syntax' }).click();
      await expect(app.page.getByRole('dialog', { name: 'Filter syntax' })).toBeVisible();
      await app.page.screenshot({ path: `${SHOTS}/${scheme}-filter.png` });
      await app.page.keyboard.press('Escape');
      await editor.filter.fill('');

      await editor.showEveryColumn();
      // Runs in the page; typed structurally because the Node-side project has no DOM types.
      await editor.grid.evaluate((grid) => {
        (grid as unknown as { scrollLeft: number }).scrollLeft = 700;
      });
      await app.page.screenshot({ path: `${SHOTS}/${scheme}-table-scrolled.png` });
      await app.page.getByRole('button', { name: 'Columns' }).click();
      await app.page.getByRole('button', { name: 'Default columns' }).click();
      await app.page.keyboard.press('Escape');

      for (const [image, name] of [
        [IMAGEJ_IMAGE, 'calibration-offer'],
        [IMAGEJ_NO_SIDECAR, 'calibration-new-sidecar'],
        [PHOTO_IMAGE, 'calibration-print'],
      ] as const) {
        await editor.select(image);
        await editor
          .panel()
          .getByRole('region', { name: 'Calibration' })
          .locator('.calibration-head', { hasText: /^Pixel size$/ })
          .scrollIntoViewIfNeeded();
        await app.page.screenshot({ path: `${SHOTS}/${scheme}-${name}.png` });
      }
      await editor.row(IMAGEJ_IMAGE).click({ modifiers: ['ControlOrMeta'] });
      await expect(editor.panel().getByRole('heading', { name: 'Editing 2 images' })).toBeVisible();
      await app.page.screenshot({ path: `${SHOTS}/${scheme}-calibration-multi.png` });

      await app.page.getByRole('button', { name: 'Open folder…' }).click();
      await dialog.getByLabel('Folder path').fill('relative/path');
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await app.page.screenshot({ path: `${SHOTS}/${scheme}-open-folder.png` });
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await app.page.screenshot({ path: `${SHOTS}/${scheme}-shortcuts.png` });
    });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`ROI, analyses and results screens in the ${scheme} theme`, async ({ app }) => {
    const editor = new EditorPage(app.page);
    await app.page.emulateMedia({ colorScheme: scheme });
    await editor.select('linescans/ls_01.tif');
    await editor.panel().getByRole('button', { name: 'ROI 2 on the image' }).click();
    await expect(
      editor
        .panel()
        .getByRole('list', { name: 'ROIs' })
        .getByRole('button', { name: /^ROI 2/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-rois.png` });

    await editor.panel().getByRole('article', { name: 'diameter, ROI 2' }).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-analyses.png` });

    await editor.row('linescans/ls_03.tif').click({ modifiers: ['Shift'] });
    await app.page.getByRole('button', { name: 'Results…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Results' });
    await dialog.getByLabel('Result').selectOption({ label: 'radon_velocity · velocity_mean' });
    await expect(dialog.getByRole('table', { name: /velocity_mean by genotype/ }).getByRole('row')).toHaveCount(3);
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-results.png` });
  });
}
