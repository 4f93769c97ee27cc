/**
 * Accessibility: axe-core's WCAG 2.1 A/AA rules over every screen and dialog the app shows, in
 * both themes. Any finding, of any impact, fails the test, each listed with the screen, the
 * theme and the elements concerned; a test goes on to its other screens after one fails.
 *
 * Each test loads the page once and switches the theme in place while a screen is open; axe looks
 * at the open dialog, or at the editor panel, and at the whole page once. The dialogs, by test:
 * - the main screen: the Filter syntax, Files not read and column chooser popovers;
 * - saving and history: Open folder, Keyboard shortcuts, Channel table, a channel table changed
 *   on disk under an undo, Restore a channel table, the save review, a save that failed, History
 *   of the folder, Undo an action, Rebuild from the journal, a sidecar changed on disk, a sidecar
 *   damaged on disk, Unsaved changes;
 * - bulk edits and exports: Results, Export, Import (changes, and a table with errors), Presets,
 *   Save as preset, Fill from file names, Paste metadata, Instrument catalogue, Write calibration
 *   (its review and what it did), Export as OME-TIFF, Export as CloudScope collection;
 * - with a lab profile: Completeness, Normalize, Submission check, Write submission files,
 *   Dataset values, Build upload (its form and its review);
 * - the facility index: Search all folders with no index yet and with its results, and the
 *   status bar's index line.
 */
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { expectNoFindings, WHOLE_PAGE } from './support/axe-themes';
import { calibrationImageFiles, IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE } from './support/calibration-images';
import { BulkPage } from './support/bulk-page';
import { EditorPage } from './support/editor-page';
import { cohortFiles, ProfilePage, vascularProfile } from './support/profile-page';

const OME = 'cells/multi-channel.ome.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const EDITOR = 'aside[aria-label="Editor"]';
const ACQMETA = fileURLToPath(new URL('../../bin/acqmeta.cjs', import.meta.url));
const CATALOGUE = 'acqmeta.instruments/abif-axiovert1.json';

// A control that never comes fails at once, not at the test's bound: each test opens many screens.
test.use({ actionTimeout: 30_000 });

/** Checks `shown` (a dialog), then closes it with Escape. */
async function checkAndClose(page: Page, name: string, shown: Locator): Promise<void> {
  await expect(shown).toBeVisible();
  await expectNoFindings(page, name);
  await page.keyboard.press('Escape');
  await expect(shown).toBeHidden();
}

/** Chooses an item of the toolbar's Spreadsheet menu. */
async function spreadsheet(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name: item }).click();
}

test.describe('the main screen', () => {
  test.use({
    extraFiles: {
      ...calibrationImageFiles(),
      'raw/scan.oir': 'stand-in for an Olympus OIR file',
      'raw/cells.ims': 'stand-in for an Imaris file',
    },
  });

  test('the table, the editor and the popovers have no accessibility findings', async ({ app }) => {
    const page = app.page;
    const editor = new EditorPage(page);
    // Selected rows of every sidecar state (None, Saved, Invalid, Unsaved), and the editor of them all.
    await editor.select(IMAGEJ);
    await editor.type('Species', 'rat');
    await editor.grid.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await expect(editor.panel().getByRole('heading', { name: /^Editing/ })).toBeVisible();
    await expectNoFindings(page, 'the table with every row selected', WHOLE_PAGE);

    // Filtered, with the syntax help open and the quick filters on.
    await editor.filter.fill('genotpye:x');
    await editor.quickFilter('Warnings').click();
    await page.getByRole('button', { name: 'Filter syntax' }).click();
    await expect(page.getByRole('dialog', { name: 'Filter syntax' })).toBeVisible();
    await expectNoFindings(page, 'the filtered table with Filter syntax', WHOLE_PAGE);
    await page.keyboard.press('Escape');
    await editor.quickFilter('Warnings').click();
    await editor.filter.fill('');

    await page.getByRole('contentinfo').getByRole('button', { name: '2 files not read' }).click();
    await checkAndClose(page, 'Files not read', page.getByRole('dialog', { name: 'Files not read' }));

    await editor.select(OME);
    await expect(editor.preview()).toBeVisible();
    await editor.panel().getByText('All tags').click();
    await editor.panel().getByText('Image description').click();
    await editor.type('Depth', 'abc');
    await expect(editor.field('Depth')).toHaveAttribute('aria-invalid', 'true');
    await expectNoFindings(page, 'the editor of one image with an invalid value', EDITOR);

    await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
    await expect(editor.panel().getByRole('heading', { name: 'Editing 2 images' })).toBeVisible();
    await expectNoFindings(page, 'the editor of two images', EDITOR);

    for (const image of [IMAGEJ_IMAGE, IMAGEJ_NO_SIDECAR, PHOTO_IMAGE]) {
      await editor.select(image);
      await expect(
        editor
          .panel()
          .getByRole('region', { name: 'Calibration' })
          .locator('.calibration-head', { hasText: /^Pixel size$/ }),
      ).toBeVisible();
      await expectNoFindings(page, `the calibration offer of ${image}`, EDITOR);
    }
    await editor.row(IMAGEJ_IMAGE).click({ modifiers: ['ControlOrMeta'] });
    await expect(editor.panel().getByRole('button', { name: /\(1 image\)$/ })).toBeVisible();
    await expectNoFindings(page, 'the calibration offer of two images', EDITOR);
  });
});

test('the dialogs of saving and of the history have no accessibility findings', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  const dialog = page.getByRole('dialog');

  await page.getByRole('button', { name: 'Open folder…' }).click();
  await expect(dialog.getByRole('button', { name: 'cells' })).toBeVisible();
  await dialog.getByLabel('Folder path').fill('relative');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await checkAndClose(page, 'Open folder', dialog);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await checkAndClose(page, 'Keyboard shortcuts', dialog);

  // A channel table saved, changed by another program, then undone: the undo asks first.
  await editor.select(IMAGEJ);
  await spreadsheet(page, 'Channel table…');
  const table = page.getByRole('dialog', { name: 'Channel table of cells' });
  await expect(table.getByRole('button', { name: 'Save' })).toBeVisible();
  await expectNoFindings(page, 'Channel table');
  await table.getByLabel('Target Name, channel 1').fill('DNA');
  await table.getByRole('button', { name: 'Save' }).click();
  await expect(table).toBeHidden();
  const csv = app.file('cells/acqmeta.channels.csv');
  writeFileSync(csv, `${readFileSync(csv, 'utf8')}Channel:0:2,Cy5\r\n`);
  await page.getByRole('button', { name: 'Undo Channel table of cells' }).click();
  await checkAndClose(page, 'a channel table changed on disk', page.getByRole('dialog', { name: /changed on disk$/ }));
  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  await timeline
    .getByRole('table', { name: 'Channel tables written, newest first' })
    .getByRole('button', { name: 'Restore to before this' })
    .click();
  const tableRestore = page.getByRole('dialog', { name: /^Restore cells\/acqmeta\.channels\.csv to before/ });
  await expect(tableRestore.getByRole('alert')).toContainText('changed since AcqMeta wrote it');
  await checkAndClose(page, 'Restore a channel table', tableRestore);
  if (await timeline.isVisible()) await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Two files saved after a review, one of them gone: the report names it; retried once it is back.
  const [second, third] = ['linescans/ls_02.tif', 'linescans/ls_03.tif'];
  await editor.select(second);
  await editor.row(third).click({ modifiers: ['ControlOrMeta'] });
  await editor.type('Region', 'CA1');
  await editor.save();
  await expect(editor.review()).toHaveAccessibleName('Save 2 files?');
  await expectNoFindings(page, 'the save review');
  const image = readFileSync(app.file(third));
  rmSync(app.file(third));
  await editor.review().getByRole('button', { name: 'Save 2 files' }).click();
  const report = page.getByRole('dialog', { name: '1 file could not be saved' });
  await expect(report).toContainText(`${third} — the image is gone`);
  await expectNoFindings(page, 'a save that failed');
  writeFileSync(app.file(third), image);
  await report.getByRole('button', { name: 'Retry 1 failed file' }).click();
  await expect(report).toBeHidden();
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Saved again later: undoing the first save asks about the later value.
  await editor.select(second);
  await editor.type('Region', 'CA3');
  await editor.save();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'History of the folder…' }).click();
  await expect(timeline).toBeVisible();
  await expectNoFindings(page, 'History of the folder');
  // newest first: the first save is the last row
  await timeline.getByRole('button', { name: 'Undo this action' }).last().click();
  const undo = page.getByRole('dialog', { name: /^Undo “/ });
  await expect(undo.getByRole('table', { name: /^Changed again later/ })).toBeVisible();
  await checkAndClose(page, 'Undo an action', undo);
  if (await timeline.isVisible()) await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The saved sidecar emptied by another program: History offers to rebuild it.
  writeFileSync(app.file(`${second}.json`), '');
  await expect(editor.panel().getByRole('alert')).toContainText('This sidecar is left untouched');
  await (await editor.history()).getByRole('button', { name: 'Rebuild from the journal…' }).click();
  const rebuild = page.getByRole('dialog', { name: 'Rebuild ls_02.tif.json from the journal' });
  await expect(rebuild.getByRole('table')).toBeVisible();
  await checkAndClose(page, 'Rebuild from the journal', rebuild);

  // A sidecar another program changed under unsaved edits: saving asks what to do.
  await editor.select(BLOBS);
  await editor.type('Genotype', 'WT');
  const sidecar = app.file(`${BLOBS}.json`);
  const whole = readFileSync(sidecar, 'utf8');
  writeFileSync(sidecar, whole.replace('"species": "rat"', '"species": "mouse"'));
  await editor.save();
  await checkAndClose(page, 'a sidecar changed on disk', page.getByRole('dialog', { name: /changed on disk$/ }));

  // Opening another folder with unsaved changes asks first.
  await page.getByRole('button', { name: 'Open folder…' }).click();
  await dialog.getByRole('button', { name: 'stacks' }).click();
  // its listing replaces the served folder's, and the dialog shrinks: Open moves once it is in
  await expect(dialog.getByRole('region', { name: 'Folders in stacks' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Unsaved changes' })).toBeVisible();
  await expectNoFindings(page, 'Unsaved changes');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  if (await dialog.isVisible()) await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The same sidecar cut short under the edits: saving asks what to do with it.
  writeFileSync(sidecar, whole.slice(0, Math.floor(whole.length / 2)));
  await expect(editor.row(BLOBS)).toContainText('Changed on disk');
  await editor.save();
  const damaged = page.getByRole('dialog', { name: /is damaged on disk$/ });
  await expect(damaged.getByRole('row', { name: /Genotype/ })).toContainText('WT');
  await checkAndClose(page, 'a sidecar damaged on disk', damaged);
});

test.describe('bulk edits and exports', () => {
  test.use({
    extraFiles: {
      ...calibrationImageFiles(),
      [CATALOGUE]: readFileSync(new URL('../fixtures/instruments/abif_axiovert1_.json', import.meta.url)),
    },
  });

  test('the dialogs of bulk edits, tables, exports and calibration have no accessibility findings', async ({ app }) => {
    const page = app.page;
    const editor = new EditorPage(page);
    const bulk = new BulkPage(page);

    await editor.select('linescans/ls_01.tif');
    await editor.row('linescans/ls_03.tif').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Results…' }).click();
    const results = page.getByRole('dialog', { name: 'Results' });
    await results.getByLabel('Result').selectOption({ label: 'radon_velocity · velocity_mean' });
    await expect(results.getByRole('table', { name: /velocity_mean by genotype/ }).getByRole('row')).toHaveCount(3);
    await checkAndClose(page, 'Results', results);

    await page.getByRole('button', { name: 'Columns' }).click();
    const resultColumns = page.getByRole('group', { name: 'Results' });
    await resultColumns.scrollIntoViewIfNeeded();
    await expect(resultColumns.getByRole('table').first()).toBeInViewport();
    await checkAndClose(page, 'the column chooser', resultColumns);

    await bulk.spreadsheetMenuItem('Export…');
    await checkAndClose(page, 'Export', bulk.dialog('Export'));

    const changes = await bulk.importTable('edited.csv', Buffer.from(`path,genotype\r\n${BLOBS},Thy1-GFP\r\n`));
    await expect(changes.getByRole('table', { name: 'Changes' })).toBeVisible();
    await checkAndClose(page, 'Import', changes);
    const broken = await bulk.importTable(
      'broken.csv',
      Buffer.from(`path,depth\r\n${BLOBS},deep\r\nmissing/nowhere.tif,\r\n`),
    );
    await expect(broken.getByRole('table', { name: 'Errors' })).toBeVisible();
    await checkAndClose(page, 'Import with errors', broken);

    await editor.select(OME);
    await bulk.presetsMenuItem('Manage presets…');
    await checkAndClose(page, 'Presets', bulk.dialog('Presets'));
    await bulk.presetsMenuItem('Save as preset…');
    await checkAndClose(page, 'Save as preset', bulk.dialog('Save as preset'));
    await checkAndClose(page, 'Fill from file names', await bulk.openNameFill());

    await editor.panel().getByRole('button', { name: 'Copy metadata' }).click();
    await editor.select(IMAGEJ);
    await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
    await editor.grid.focus();
    await page.keyboard.press('ControlOrMeta+Shift+v');
    await checkAndClose(page, 'Paste metadata', page.getByRole('dialog', { name: 'Paste metadata' }));

    await editor.select(OME);
    await spreadsheet(page, 'Instrument catalogue…');
    const catalogue = page.getByRole('dialog', { name: 'Instrument catalogue' });
    await expect(catalogue.getByRole('tab', { name: 'ABIF Axiovert1' })).toHaveAttribute('aria-selected', 'true');
    await checkAndClose(page, 'Instrument catalogue', catalogue);

    // a pixel size saved in the sidecar that the header lacks: one header to write
    await editor.select(IMAGEJ_IMAGE);
    for (const [field, text] of [
      ['Pixel size X', '0.5'],
      ['Pixel size Y', '0.5'],
      ['Pixel size unit X', 'um'],
      ['Pixel size unit Y', 'um'],
    ] as const)
      await editor.type(field, text);
    await editor.save();
    await expect(page.getByText('All changes saved')).toBeVisible();
    await spreadsheet(page, 'Write calibration into image files…');
    const calibrate = page.getByRole('dialog', { name: 'Write calibration into image files' });
    await expect(calibrate.getByRole('status')).toContainText('header');
    await expectNoFindings(page, 'Write calibration: the review');
    await calibrate.getByRole('button', { name: 'Write 1 header' }).click();
    await expect(calibrate.getByRole('status')).toContainText('1 header written');
    await checkAndClose(page, 'Write calibration: what it did', calibrate);

    await spreadsheet(page, 'Export as OME-TIFF…');
    const convert = page.getByRole('dialog', { name: 'Export as OME-TIFF' });
    await expect(convert.getByLabel('Output folder')).toBeVisible();
    await checkAndClose(page, 'Export as OME-TIFF', convert);

    await spreadsheet(page, 'Export as CloudScope collection…');
    const collection = page.getByRole('dialog', { name: 'Export as CloudScope collection' });
    await collection.getByLabel('Collection', { exact: true }).fill('not-a-collection');
    await expect(collection.getByText('The name must end in .ome.zarr')).toBeVisible();
    await checkAndClose(page, 'Export as CloudScope collection', collection);
  });
});

test.describe('with a lab profile', () => {
  test.use({ extraFiles: { ...vascularProfile(), ...cohortFiles() } });

  test('the dialogs of the profile and of submissions have no accessibility findings', async ({ app }) => {
    const page = app.page;
    const profile = new ProfilePage(page);
    await profile.openCompleteness();
    await expect(profile.fieldLine('Species')).toBeVisible();
    await expectNoFindings(page, 'Completeness');
    const normalize = await profile.openNormalize('Species');
    await expect(normalize.getByRole('status')).toContainText('Mouse → mouse');
    await checkAndClose(page, 'Normalize', normalize);

    if (!(await profile.completeness.isVisible())) await profile.openCompleteness();
    await page.getByRole('button', { name: 'Submission check…' }).click();
    const check = page.getByRole('dialog', { name: 'Submission check: folder layout' });
    await expect(check.getByRole('status')).toContainText('checked against hubmap:confocal');
    await checkAndClose(page, 'Submission check', check);
    if (await profile.completeness.isVisible()) await page.keyboard.press('Escape');

    await spreadsheet(page, 'Submission files (HuBMAP, HTAN)…');
    const files = page.getByRole('dialog', { name: 'Write submission files' });
    await expect(files.getByRole('table', { name: 'confocal-metadata.tsv' })).toBeVisible();
    await checkAndClose(page, 'Write submission files', files);

    await spreadsheet(page, 'Dataset values…');
    const dataset = page.getByRole('dialog', { name: 'Dataset values' });
    await expect(dataset.getByLabel('Columns of')).toHaveValue('hubmap:confocal');
    await checkAndClose(page, 'Dataset values', dataset);

    await spreadsheet(page, 'Build upload…');
    const upload = page.getByRole('dialog', { name: 'Build upload' });
    await expect(upload.getByLabel('Target')).toHaveValue('hubmap:confocal');
    await expectNoFindings(page, 'Build upload: the form');
    // beside the lab folder: an upload goes outside it
    await upload.getByLabel('Upload folder').fill(`${app.folder}-upload`);
    await upload.getByRole('button', { name: 'Review' }).click();
    await expect(upload.getByRole('table', { name: /^What goes into the upload/ })).toBeVisible();
    await checkAndClose(page, 'Build upload: the review', upload);
  });
});

test('Search all folders and the index line of the status bar have no accessibility findings', async ({ app }) => {
  const page = app.page;
  await page.getByRole('button', { name: 'Search all folders…' }).click();
  const search = page.getByRole('dialog', { name: 'Search all folders' });
  await expect(search).toContainText('There is no index yet');
  await expectNoFindings(page, 'Search all folders with no index');
  await page.keyboard.press('Escape');
  execFileSync(process.execPath, [ACQMETA, 'index', app.file('linescans')], {
    env: { ...process.env, ACQMETA_DB: path.join(app.configDir, 'index.sqlite') },
  });
  await page.getByRole('button', { name: 'Search all folders…' }).click();
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(search.getByRole('status')).toHaveText('3 images match; 1–3 shown.');
  await expectNoFindings(page, 'Search all folders with its results');
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('contentinfo').getByRole('button', { name: 'Add this folder to the index' }),
  ).toBeVisible();
  await expectNoFindings(page, 'the status bar with the index line', 'footer.status-bar');
});
